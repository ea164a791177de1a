package dev.stowage.local.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.host.metrics.InMemoryMetrics;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Local mode's read-only console under {@code GET /stowage/…}, unsigned because it only ever listens on
 * loopback: {@code /stowage/metrics[?name=CPUReservation]} gives the latest datapoint of every metric and
 * dimension set published (the hosts' reservations, the invocation metrics); with {@code period} it gives statistics
 * per period instead (see {@link MetricStatistics}). Every other request goes to the signed API.
 */
public final class LocalConsole implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String PREFIX = "/stowage/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryMetrics metrics;
    private final Clock clock;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api;

    public LocalConsole(
            InMemoryMetrics metrics,
            Clock clock,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api) {
        this.metrics = metrics;
        this.clock = clock;
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String path = Objects.requireNonNullElse(event.getPath(), "");
        if (!"GET".equals(event.getHttpMethod()) || !path.startsWith(PREFIX)) {
            return api.handleRequest(event, context);
        }
        if (path.equals(PREFIX + "metrics")) {
            Map<String, String> query = Objects.requireNonNullElse(event.getQueryStringParameters(), Map.of());
            if (query.containsKey("period")) {
                try {
                    return json(200, MetricStatistics.of(metrics.all(), query, clock.instant()));
                } catch (IllegalArgumentException e) {
                    return json(400, JSON.createObjectNode().put("message", e.getMessage()));
                }
            }
            return json(200, latest(query.get("name")));
        }
        return json(
                404,
                JSON.createObjectNode()
                        .put(
                                "message",
                                "Nothing at " + path + "; try /stowage/metrics or /stowage/logs?component=NAME."));
    }

    private ObjectNode latest(@Nullable String name) {
        Map<String, MetricDatum> newest = new LinkedHashMap<>();
        for (MetricDatum point : metrics.all()) {
            if (name == null || point.name().equals(name)) {
                newest.put(point.name() + point.dimensions(), point);
            }
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("Metrics");
        List<MetricDatum> sorted = newest.values().stream()
                .sorted(Comparator.comparing(MetricDatum::name)
                        .thenComparing(p -> p.dimensions().toString()))
                .toList();
        for (MetricDatum point : sorted) {
            ObjectNode item =
                    list.addObject().put("Namespace", point.namespace()).put("MetricName", point.name());
            ObjectNode dimensions = item.putObject("Dimensions");
            point.dimensions().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(d -> dimensions.put(d.getKey(), d.getValue()));
            item.put("Value", point.value())
                    .put("Unit", point.unit())
                    .put("Timestamp", point.timestamp().toString());
        }
        return out;
    }

    private static APIGatewayProxyResponseEvent json(int status, ObjectNode body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body.toPrettyString());
    }
}
