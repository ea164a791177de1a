package dev.stowage.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.stowage.wire.protocol.Caller;
import dev.stowage.wire.protocol.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an API Gateway REST proxy event carries, unwrapped for the wire codecs: its headers, path, body and caller.
 * The API function reads its requests through it, and so does local mode, whose HTTP server hands the same events to
 * the handlers.
 */
public final class ApiGatewayEvents {
    private ApiGatewayEvents() {}

    /** The headers, from {@code multiValueHeaders} or else {@code headers}. */
    public static Headers headers(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> multi = event.getMultiValueHeaders();
        if (multi != null && !multi.isEmpty()) {
            return Headers.of(multi);
        }
        return Headers.ofSingle(event.getHeaders() == null ? Map.of() : event.getHeaders());
    }

    /**
     * The body's bytes, base64-decoded when {@code isBase64Encoded}.
     *
     * @throws IllegalArgumentException when the body is marked base64 but is not
     */
    public static byte[] body(APIGatewayProxyRequestEvent event) {
        return bytes(event.getBody(), event.getIsBase64Encoded());
    }

    /**
     * A proxy event's body (a request's or a response's) as bytes: base64-decoded when {@code base64}, else UTF-8.
     *
     * @throws IllegalArgumentException when the body is marked base64 but is not
     */
    public static byte[] bytes(@Nullable String body, @Nullable Boolean base64) {
        if (body == null) {
            return new byte[0];
        }
        return Boolean.TRUE.equals(base64)
                ? Base64.getMimeDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
    }

    /** The raw path ({@code requestContext.path}, with any stage), else the path API Gateway matched. */
    public static String rawPath(APIGatewayProxyRequestEvent event) {
        return event.getRequestContext() != null && event.getRequestContext().getPath() != null
                ? event.getRequestContext().getPath()
                : Objects.requireNonNullElse(event.getPath(), "");
    }

    /** Who API Gateway's IAM authorization found signed the request ({@code requestContext.identity.userArn}). */
    public static Caller caller(APIGatewayProxyRequestEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getIdentity)
                .map(APIGatewayProxyRequestEvent.RequestIdentity::getUserArn)
                .map(Caller::of)
                .orElse(Caller.UNKNOWN);
    }
}
