package dev.stowage.host.serving;

import com.sun.net.httpserver.HttpExchange;
import dev.stowage.wire.protocol.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Reading requests from and writing {@link RuntimeResponse}s to the JDK HTTP server's exchanges. */
public final class RuntimeExchanges {
    private RuntimeExchanges() {}

    /** The request body, whole. */
    public static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** The request's headers, looked up case-insensitively. */
    public static Headers headers(HttpExchange exchange) {
        return Headers.of(Map.<String, List<String>>copyOf(exchange.getRequestHeaders()));
    }

    /** Writes {@code response}; a streamed body is sent chunked, flushed by its writer as it goes. */
    public static void write(HttpExchange exchange, RuntimeResponse response) throws IOException {
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        switch (response) {
            case RuntimeResponse.Whole whole -> {
                exchange.sendResponseHeaders(whole.status(), whole.body().length == 0 ? -1 : whole.body().length);
                if (whole.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(whole.body());
                    }
                }
            }
            case RuntimeResponse.Streamed streamed -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    streamed.body().writeTo(out);
                }
            }
        }
    }
}
