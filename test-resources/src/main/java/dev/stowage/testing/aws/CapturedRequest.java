package dev.stowage.testing.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the server received it. Header names are lower case (the JDK server changes their case, and HTTP
 * compares them case-insensitively).
 */
public record CapturedRequest(
        String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    public CapturedRequest {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Map.copyOf(lower);
    }

    /** The first value of header {@code name}, if sent. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as form parameters, in the order sent: what the Query protocols (EC2, Elastic Load Balancing) send,
     * e.g. {@code Action=RunInstances}, {@code TagSpecification.1.Tag.1.Key=Name}.
     */
    public Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        String text = bodyText();
        if (text.isEmpty()) {
            return form;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    /** The Query protocol's {@code Action}, or the JSON protocols' {@code X-Amz-Target} operation, or the path. */
    public String operation() {
        String action = form().get("Action");
        if (action != null && header("content-type").orElse("").startsWith("application/x-www-form-urlencoded")) {
            return action;
        }
        Optional<String> target = header("x-amz-target");
        if (target.isPresent()) {
            return target.get().substring(target.get().indexOf('.') + 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
