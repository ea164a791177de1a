package dev.stowage.local.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.fleet.FleetState;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.domain.metrics.MetricDimensions;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.domain.views.ViewStore;
import dev.stowage.host.metrics.InMemoryMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serves {@link PlacementPage} at {@code GET /stowage/} (read-only and unsigned, like {@link LocalConsole}) from the
 * views, the fleet streams and the local metric store; every other request goes on to {@code next}.
 */
public final class PlacementConsole
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String PATH = "/stowage";

    private final ViewStore views;
    private final FleetRepository fleets;
    private final InMemoryMetrics metrics;
    private final Clock clock;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> next;

    public PlacementConsole(
            ViewStore views,
            FleetRepository fleets,
            InMemoryMetrics metrics,
            Clock clock,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> next) {
        this.views = views;
        this.fleets = fleets;
        this.metrics = metrics;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String path = Objects.requireNonNullElse(event.getPath(), "");
        if (!"GET".equals(event.getHttpMethod()) || !(path.equals(PATH) || path.equals(PATH + "/"))) {
            return next.handleRequest(event, context);
        }
        Instant now = clock.instant();
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/html; charset=utf-8"))
                .withBody(PlacementPage.render(endpoints(now), now));
    }

    private List<PlacementPage.Endpoint> endpoints(Instant now) {
        List<InferenceComponentRow> components = views.list(ViewKind.INFERENCE_COMPONENT).stream()
                .map(InferenceComponentRow.class::cast)
                .toList();
        List<MetricDatum> lastMinute = metrics.all().stream()
                .filter(d -> d.name().equals("Invocations") && !d.timestamp().isBefore(now.minusSeconds(60)))
                .toList();
        List<PlacementPage.Endpoint> out = new ArrayList<>();
        for (EndpointRow endpoint : views.list(ViewKind.ENDPOINT).stream()
                .map(EndpointRow.class::cast)
                .toList()) {
            List<PlacementPage.Fleet> variants = new ArrayList<>();
            for (ProductionVariant variant : ProductionVariant.of(endpoint.endpointConfig())) {
                FleetState fleet = fleets.load(StreamIds.fleet(endpoint.name(), variant.variantName()))
                        .state();
                List<PlacementPage.Component> on = components.stream()
                        .filter(c -> c.endpointName().equals(endpoint.name())
                                && c.variantName().equals(variant.variantName()))
                        .map(c -> new PlacementPage.Component(
                                c.name(),
                                c.componentStatus().wireName(),
                                c.desiredCopyCount(),
                                fleet.loadedCopies(c.name()),
                                invocations(lastMinute, c.name())))
                        .toList();
                variants.add(new PlacementPage.Fleet(
                        variant.variantName(),
                        variant.instanceTypesByPriority().isEmpty()
                                ? "serverless"
                                : String.join(" or ", variant.instanceTypesByPriority()),
                        fleet,
                        on));
            }
            out.add(new PlacementPage.Endpoint(
                    endpoint.name(), endpoint.endpointStatus().wireName(), variants));
        }
        return out;
    }

    private static double invocations(List<MetricDatum> lastMinute, String component) {
        Map<String, String> dimensions = MetricDimensions.component(component);
        return lastMinute.stream()
                .filter(d -> d.dimensions().equals(dimensions))
                .mapToDouble(d -> d.value() * d.weight())
                .sum();
    }
}
