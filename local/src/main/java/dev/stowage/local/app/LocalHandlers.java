package dev.stowage.local.app;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.local.http.ProxyRefusal;
import java.util.List;

/**
 * The handlers a {@link LocalApplication} hands to local mode.
 *
 * @param api serves every HTTP request on the local port (control plane, autoscaling API, runtime API)
 * @param streams the stream handlers to feed, one poller each
 * @param resources closed when local mode stops, after the pollers and the HTTP server (local engines, hosts)
 * @param refusal answers requests the HTTP server refuses before {@code api} sees them, in their protocol
 */
public record LocalHandlers(
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api,
        List<StreamSubscription> streams,
        AutoCloseable resources,
        ProxyRefusal refusal) {

    public LocalHandlers {
        streams = List.copyOf(streams);
    }

    /** Handlers whose refused requests are answered as REST JSON APIs answer them. */
    public LocalHandlers(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api,
            List<StreamSubscription> streams,
            AutoCloseable resources) {
        this(api, streams, resources, ProxyRefusal.json());
    }

    /** Handlers with nothing to close. */
    public LocalHandlers(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api,
            List<StreamSubscription> streams) {
        this(api, streams, () -> {});
    }
}
