package dev.stowage.functions.dashboards;

import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.domain.views.EndpointComponents;
import dev.stowage.domain.views.EndpointView;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.InferenceComponentView;
import dev.stowage.domain.views.ViewStore;
import dev.stowage.events.EventEnvelope;
import dev.stowage.functions.cloudwatch.Dashboards;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps each endpoint's dashboard in step with the endpoint. Woken by a change of an endpoint's stream, or of an
 * inference component's (whose endpoints it reads from the component's own stream), it folds the endpoint and the
 * components on it now and puts the body of {@link EndpointDashboard} while the endpoint exists, or deletes the
 * dashboard once it does not. The wake-up is only a signal: everything is read again, so repeated, reordered or
 * merged wake-ups converge on the same dashboard.
 */
public final class DashboardReactor {
    private final EventStore events;
    private final EndpointComponents components;
    private final Dashboards dashboards;
    private final DashboardSettings settings;

    public DashboardReactor(EventStore events, ViewStore views, Dashboards dashboards, DashboardSettings settings) {
        this.events = events;
        this.components = new EndpointComponents(events, views);
        this.dashboards = dashboards;
        this.settings = settings;
    }

    /**
     * Brings the dashboards {@code stream} bears on up to date: its endpoint's for an endpoint stream; for an
     * inference component's, that of every endpoint the component has been on (a name reused on another endpoint
     * leaves the first one's dashboard to tidy). Other streams change nothing.
     *
     * @return what CloudWatch remarked about the bodies put, if anything
     */
    public List<String> react(String stream) {
        List<String> remarks = new ArrayList<>();
        switch (StreamIds.typeOf(stream)) {
            case StreamIds.ENDPOINT -> remarks.addAll(refresh(StreamIds.nameOf(stream), List.of()));
            case StreamIds.INFERENCE_COMPONENT -> {
                String component = StreamIds.nameOf(stream);
                for (String endpoint : endpointsOf(events.read(stream))) {
                    remarks.addAll(refresh(endpoint, List.of(component)));
                }
            }
            default -> {
                // models, configs, fleets and scalable targets do not change what a dashboard shows
            }
        }
        return remarks;
    }

    private List<String> refresh(String endpointName, List<String> candidates) {
        String name = settings.dashboardName(endpointName);
        Optional<EndpointOutline> outline = EndpointView.describe(events.read(StreamIds.endpoint(endpointName)))
                .map(endpoint -> EndpointOutline.of(endpoint, components.on(endpointName, candidates)));
        if (outline.isEmpty()) {
            dashboards.delete(List.of(name));
            return List.of();
        }
        return dashboards.put(
                name, EndpointDashboard.body(outline.get(), settings.region()).toString());
    }

    private static Set<String> endpointsOf(List<EventEnvelope> componentStream) {
        Set<String> endpoints = new LinkedHashSet<>();
        Optional<InferenceComponentRow> row = Optional.empty();
        for (EventEnvelope envelope : componentStream) {
            row = InferenceComponentView.apply(row, envelope);
            row.ifPresent(present -> endpoints.add(present.endpointName()));
        }
        return endpoints;
    }
}
