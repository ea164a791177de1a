package dev.stowage.host.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stowage/echo}: answers every invocation with its own body and content type. Ready at once. It takes adapters
 * as LMI containers do ({@link LlmSimAdapters}: registered at once, none ever evicted) and answers as it would without.
 */
final class EchoRuntime implements ModelRuntime {
    static final String IMAGE = "stowage/echo";

    @Override
    public RunningModel start(Launch launch) throws IOException {
        AdapterSlots adapters = new AdapterSlots(Duration.ZERO, Integer.MAX_VALUE, 0);
        return ContractServer.start(
                launch.port(),
                IMAGE,
                () -> true,
                EchoRuntime::echo,
                Map.of(LlmSimAdapters.PATH, new LlmSimAdapters(adapters, launch.log())),
                launch.log());
    }

    private static void echo(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String contentType = Optional.ofNullable(
                            exchange.getRequestHeaders().getFirst("Content-Type"))
                    .orElse("application/octet-stream");
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
