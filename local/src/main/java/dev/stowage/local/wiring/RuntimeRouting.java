package dev.stowage.local.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.local.cloudwatch.CloudWatchApi;
import java.util.Objects;

/**
 * The local port serves every API: {@code /endpoints/…} is the runtime API; CloudWatch's requests in any of its wires
 * (RPC v2 CBOR's {@code /service/GraniteServiceVersion20100801/…}, JSON 1.0's {@code GraniteServiceVersion20100801.*}
 * target, a query-protocol form post of its API version) go to CloudWatch; everything else to the JSON APIs (the API
 * handler serves the hosts' {@code StowageHost} on {@code /host} and the other services on any other path, as API
 * Gateway does on AWS).
 */
final class RuntimeRouting implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> runtime;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> cloudWatch;

    RuntimeRouting(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> runtime,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> cloudWatch) {
        this.runtime = runtime;
        this.api = api;
        this.cloudWatch = cloudWatch;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String path = Objects.requireNonNullElse(event.getPath(), "");
        if (path.startsWith("/endpoints/")) {
            return runtime.handleRequest(event, context);
        }
        return CloudWatchApi.serves(event)
                ? cloudWatch.handleRequest(event, context)
                : api.handleRequest(event, context);
    }
}
