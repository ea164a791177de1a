package dev.stowage.local.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.functions.cloudwatch.InMemoryDashboards;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * The endpoint dashboards local mode keeps in place of CloudWatch, read-only and unsigned like {@link LocalConsole}:
 * {@code GET /stowage/dashboards} lists their names, {@code GET /stowage/dashboards/<name>} gives the body
 * CloudWatch would be given on AWS. Every other request goes on to {@code next}.
 */
public final class DashboardConsole
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String PATH = LocalConsole.PREFIX + "dashboards";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryDashboards dashboards;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> next;

    public DashboardConsole(
            InMemoryDashboards dashboards,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> next) {
        this.dashboards = dashboards;
        this.next = next;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String path = Objects.requireNonNullElse(event.getPath(), "");
        if (!"GET".equals(event.getHttpMethod()) || !(path.equals(PATH) || path.startsWith(PATH + "/"))) {
            return next.handleRequest(event, context);
        }
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            ObjectNode list = JSON.createObjectNode();
            dashboards.all().keySet().forEach(list.putArray("DashboardNames")::add);
            return json(200, list.toPrettyString());
        }
        String name = path.substring(PATH.length() + 1);
        return dashboards
                .get(name)
                .map(body -> json(200, pretty(body)))
                .orElseGet(() -> json(
                        404,
                        JSON.createObjectNode()
                                .put("message", "Dashboard " + name + " does not exist")
                                .toPrettyString()));
    }

    private static String pretty(String body) {
        try {
            return JSON.readTree(body).toPrettyString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static APIGatewayProxyResponseEvent json(int status, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }
}
