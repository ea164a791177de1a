package dev.stowage.domain.views;

import dev.stowage.domain.app.EventStore;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The inference components on an endpoint now. The views name the candidates (a component created through the API
 * is projected at once, ADR 4); each is then confirmed with a consistent read of its own stream, because the views
 * learn late that placement finished deleting one, or that a component moved.
 */
public final class EndpointComponents {
    private final EventStore events;
    private final ViewStore views;

    public EndpointComponents(EventStore events, ViewStore views) {
        this.events = events;
        this.views = views;
    }

    /** The components on {@code endpointName}, by name. */
    public List<InferenceComponentRow> on(String endpointName) {
        return on(endpointName, List.of());
    }

    /**
     * The components on {@code endpointName}, by name, also considering {@code moreCandidates}: components a caller
     * knows of that the views may not list yet.
     */
    public List<InferenceComponentRow> on(String endpointName, Collection<String> moreCandidates) {
        Set<String> candidates = new LinkedHashSet<>();
        views.list(ViewKind.INFERENCE_COMPONENT).stream()
                .map(InferenceComponentRow.class::cast)
                .filter(row -> row.endpointName().equals(endpointName))
                .forEach(row -> candidates.add(row.name()));
        candidates.addAll(moreCandidates);
        return candidates.stream()
                .flatMap(name ->
                        InferenceComponentView.describe(events.read(ViewKind.INFERENCE_COMPONENT.streamOf(name)))
                                .stream())
                .filter(row -> row.endpointName().equals(endpointName))
                .sorted(Comparator.comparing(InferenceComponentRow::name))
                .toList();
    }
}
