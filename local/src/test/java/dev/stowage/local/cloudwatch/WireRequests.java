package dev.stowage.local.cloudwatch;

import dev.stowage.wire.protocol.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** CloudWatch requests for the codec tests. */
final class WireRequests {
    static final CloudWatchRequest ANY = post("/", Map.of(), "");

    private WireRequests() {}

    static CloudWatchRequest post(String path, Map<String, String> headers, String body) {
        return request("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static CloudWatchRequest request(String method, String path, Map<String, String> headers, byte[] body) {
        return new CloudWatchRequest(method, path, Headers.ofSingle(headers), body, "request-1");
    }
}
