package dev.stowage.host.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The head of an HTTP/1.1 request as it came off the wire, before the JDK's server reads it.
 *
 * @param method the method, as sent (empty when the request line did not parse)
 * @param target the request target, as sent ({@code /} when the request line did not parse)
 * @param headers the headers by lower-case name, each value as sent, in order
 */
public record RequestHead(String method, String target, Map<String, List<String>> headers) {
    public RequestHead {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, by any case of its name. */
    public Optional<String> first(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The target without its query string. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
