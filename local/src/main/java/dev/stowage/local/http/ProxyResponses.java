package dev.stowage.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.stowage.functions.api.ApiGatewayEvents;
import dev.stowage.host.http.HeadRefusal;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes an API Gateway proxy response back to the HTTP client. */
final class ProxyResponses {
    /** What API Gateway answers when the integration fails or returns a malformed response. */
    static APIGatewayProxyResponseEvent badGateway() {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(502)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"message\": \"Internal server error\"}");
    }

    /** A refusal as the HTTP guard writes it (a single value per header, the body as bytes). */
    static HeadRefusal.Answer answer(APIGatewayProxyResponseEvent response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.put(name, values.getFirst());
                }
            });
        }
        int status = response.getStatusCode() == null ? 400 : response.getStatusCode();
        return new HeadRefusal.Answer(status, headers, bodyOf(response));
    }

    private ProxyResponses() {}

    static void write(HttpExchange exchange, @Nullable APIGatewayProxyResponseEvent response) throws IOException {
        APIGatewayProxyResponseEvent effective =
                response == null || response.getStatusCode() == null ? badGateway() : response;
        copyHeaders(exchange.getResponseHeaders(), effective);
        if (effective instanceof StreamedProxyResponse streamed) {
            exchange.sendResponseHeaders(effective.getStatusCode(), 0);
            try (OutputStream out = exchange.getResponseBody()) {
                streamed.writeTo(out);
            }
            return;
        }
        byte[] body = bodyOf(effective);
        int status = effective.getStatusCode();
        boolean noBody =
                body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void copyHeaders(Headers target, APIGatewayProxyResponseEvent response) {
        Map<String, List<String>> multi = response.getMultiValueHeaders();
        if (multi != null) {
            multi.forEach((name, values) -> values.forEach(value -> target.add(name, value)));
        }
        Map<String, String> single = response.getHeaders();
        if (single != null) {
            single.forEach((name, value) -> {
                if (!target.containsKey(name)) {
                    target.add(name, value);
                }
            });
        }
    }

    private static byte[] bodyOf(APIGatewayProxyResponseEvent response) {
        return ApiGatewayEvents.bytes(response.getBody(), response.getIsBase64Encoded());
    }
}
