package dev.stowage.local.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What came back for a request: a status, headers and body, or why nothing did.
 *
 * @param status the HTTP status, 0 when there was no answer
 * @param headers the headers, names in lower case
 * @param body the body
 * @param failure why there was no answer
 */
record Reply(int status, Map<String, List<String>> headers, byte[] body, @Nullable String failure) {
    static Reply none(String failure) {
        return new Reply(0, Map.of(), new byte[0], failure);
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The media type of the body, lower case and without parameters; empty when none was given. */
    String mediaType() {
        String type = header("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip();
    }
}
