package dev.stowage.local.app;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;

/**
 * The handlers a {@link LocalApplication} hands to local mode.
 *
 * @param api serves every HTTP request on the local port (control plane, autoscaling API, runtime API)
 * @param streams the stream handlers to feed, one poller each
 * @param resources closed when local mode stops, after the pollers and the HTTP server (local engines, hosts)
 */
public record LocalHandlers(
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api,
        List<StreamSubscription> streams,
        AutoCloseable resources) {

    public LocalHandlers {
        streams = List.copyOf(streams);
    }

    /** Handlers with nothing to close. */
    public LocalHandlers(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api,
            List<StreamSubscription> streams) {
        this(api, streams, () -> {});
    }
}
