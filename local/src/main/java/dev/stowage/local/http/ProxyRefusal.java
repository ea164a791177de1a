package dev.stowage.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.wire.protocol.AwsJsonProtocol;
import dev.stowage.wire.protocol.WireError;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How local mode answers a request it refuses before the application sees it (a head that breaks HTTP/1.1 framing, a
 * body past API Gateway's limit): given the request's method, path and headers (its body unread), the error in the
 * request's protocol. The application chooses it, since only it knows which protocols it serves.
 */
@FunctionalInterface
public interface ProxyRefusal {
    APIGatewayProxyResponseEvent refuse(APIGatewayProxyRequestEvent head, WireError error);

    /** The error as JSON ({@code __type} and {@code message}, {@code X-Amzn-ErrorType}), as REST JSON APIs send it. */
    static ProxyRefusal json() {
        return (head, error) -> new APIGatewayProxyResponseEvent()
                .withStatusCode(error.status())
                .withHeaders(
                        Map.of("Content-Type", "application/json", AwsJsonProtocol.ERROR_TYPE_HEADER, error.code()))
                .withBody(new String(AwsJsonProtocol.encodeError(error), StandardCharsets.UTF_8));
    }
}
