package dev.stowage.host.serving;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Sends an invocation to a copy over the SageMaker container contract ({@code POST /invocations}), directly or
 * through the copy's host, and hands back the answer's status, the headers a caller may see, and its body as a
 * stream (so tokens can be passed on as they come).
 */
final class CopyClient implements AutoCloseable {
    /** The request headers a copy gets from the caller's. */
    static final List<String> FORWARDED = List.of(
            "Content-Type",
            "Accept",
            "X-Amzn-SageMaker-Custom-Attributes",
            Sessions.SESSION_HEADER,
            AdapterRouting.ADAPTER_HEADER);
    /** The response headers a caller gets from the copy's (the session ones as the entry router rewrites them). */
    static final List<String> RETURNED = List.of(
            "Content-Type",
            "X-Amzn-SageMaker-Custom-Attributes",
            Sessions.NEW_SESSION_HEADER,
            Sessions.CLOSED_SESSION_HEADER);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    /** A copy's answer; the caller must close {@code body}. */
    record Answer(int status, Map<String, String> headers, InputStream body) {}

    /**
     * Posts {@code body} to {@code uri}; {@code headers} are sent as they are. Waits at most {@code timeout} for the
     * answer to start.
     */
    Answer post(URI uri, byte[] body, Map<String, String> headers, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout.isPositive() ? timeout : Duration.ofMillis(1))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        Map<String, String> returned = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                returned.put(name, values.getFirst());
            }
        });
        return new Answer(response.statusCode(), returned, response.body());
    }

    /** The value of header {@code name} in {@code headers}, compared case-insensitively. */
    static @Nullable String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Those of {@code headers} named in {@code names}, under the names' spelling. */
    static Map<String, String> pick(Map<String, String> headers, List<String> names) {
        Map<String, String> picked = new LinkedHashMap<>();
        for (String name : names) {
            String value = header(headers, name);
            if (value != null) {
                picked.put(name, value);
            }
        }
        return picked;
    }

    @Override
    public void close() {
        http.close();
    }
}
