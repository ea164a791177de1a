package dev.stowage.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.sun.net.httpserver.HttpExchange;
import dev.stowage.host.http.RequestHead;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds the API Gateway REST proxy event for one HTTP exchange. */
final class ProxyRequests {
    private ProxyRequests() {}

    static APIGatewayProxyRequestEvent toEvent(HttpExchange exchange, byte[] body, String requestId, String account) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();

        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setVersion("1.0");
        event.setResource("/{proxy+}");
        event.setPath(path);
        event.setHttpMethod(method);
        event.setPathParameters(Map.of("proxy", path.startsWith("/") ? path.substring(1) : path));
        setHeaders(event, exchange);
        setQuery(event, rawQuery);
        setBody(event, body);
        event.setRequestContext(context(exchange, requestId, account, method, rawPath, rawQuery));
        return event;
    }

    /** The event of a request refused before its body was read: its method, path and headers only. */
    static APIGatewayProxyRequestEvent ofHead(RequestHead head) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setHttpMethod(head.method());
        event.setPath(head.path());
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        head.headers().forEach((name, values) -> {
            if (!values.isEmpty()) {
                multi.put(name, List.copyOf(values));
                single.put(name, values.getLast());
            }
        });
        event.setHeaders(single);
        event.setMultiValueHeaders(multi);
        event.setRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId(UUID.randomUUID().toString()));
        return event;
    }

    private static void setHeaders(APIGatewayProxyRequestEvent event, HttpExchange exchange) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                multi.put(name, List.copyOf(values));
                single.put(name, values.getLast());
            }
        });
        event.setHeaders(single);
        event.setMultiValueHeaders(multi);
    }

    private static void setQuery(APIGatewayProxyRequestEvent event, @Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            multi.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            single.put(name, value);
        }
        event.setQueryStringParameters(single);
        event.setMultiValueQueryStringParameters(multi);
    }

    private static void setBody(APIGatewayProxyRequestEvent event, byte[] body) {
        if (body.length == 0) {
            event.setIsBase64Encoded(false);
            return;
        }
        String text = utf8OrNull(body);
        event.setIsBase64Encoded(text == null);
        event.setBody(text != null ? text : Base64.getEncoder().encodeToString(body));
    }

    private static APIGatewayProxyRequestEvent.ProxyRequestContext context(
            HttpExchange exchange,
            String requestId,
            String account,
            String method,
            String rawPath,
            @Nullable String rawQuery) {
        var identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        identity.setUserAgent(exchange.getRequestHeaders().getFirst("User-Agent"));

        Map<String, Object> raw = new HashMap<>();
        raw.put(RawRequest.RAW_PATH, rawPath);
        if (rawQuery != null) {
            raw.put(RawRequest.RAW_QUERY, rawQuery);
        }

        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId(requestId);
        context.setAccountId(account);
        context.setApiId("local");
        context.setStage("local");
        context.setResourcePath("/{proxy+}");
        context.setHttpMethod(method);
        context.setPath(rawPath);
        context.setProtocol(exchange.getProtocol());
        context.setRequestTimeEpoch(Instant.now().toEpochMilli());
        context.setIdentity(identity);
        context.setAuthorizer(raw);
        return context;
    }

    private static String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return component;
        }
    }

    private static @Nullable String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
