package dev.stowage.local.app;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;

/**
 * The application registered by default until the real wiring of the handlers is registered: it has the lowest
 * priority, so any other registered application replaces it. Its API answers every request with 503 and a message
 * in the AWS JSON error shape, so that {@code ./stowage up} starts and says what is missing.
 */
public final class UnwiredApplication implements LocalApplication {
    static final String MESSAGE = "Stowage local mode is running without its handlers: register the real"
            + " dev.stowage.local.app.LocalApplication to serve the API.";

    @Override
    public LocalHandlers setUp(LocalEnvironment environment) {
        return new LocalHandlers(
                (request, context) -> new APIGatewayProxyResponseEvent()
                        .withStatusCode(503)
                        .withHeaders(Map.of("Content-Type", "application/x-amz-json-1.1"))
                        .withBody("{\"__type\":\"ServiceUnavailable\",\"message\":\"" + MESSAGE + "\"}"),
                List.of());
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
