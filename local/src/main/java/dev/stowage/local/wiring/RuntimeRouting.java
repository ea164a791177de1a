package dev.stowage.local.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Objects;

/** The local port serves both APIs: {@code /endpoints/…} is the runtime API, everything else the JSON APIs. */
final class RuntimeRouting implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> runtime;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api;

    RuntimeRouting(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> runtime,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api) {
        this.runtime = runtime;
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String path = Objects.requireNonNullElse(event.getPath(), "");
        return path.startsWith("/endpoints/")
                ? runtime.handleRequest(event, context)
                : api.handleRequest(event, context);
    }
}
