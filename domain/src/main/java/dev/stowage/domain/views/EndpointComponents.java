package dev.stowage.domain.views;

import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.FreshReads;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inference components on an endpoint now. The views name the candidates (a component created through the API
 * is projected at once, ADR 4); each is then confirmed against its own stream, because the views learn late that
 * placement finished deleting one, or that a component moved. Streams unchanged since this object last read them
 * are not read again ({@link FreshReads}), so keep one for the life of the reader.
 */
public final class EndpointComponents {
    private final ViewStore views;
    private final FreshReads<Optional<InferenceComponentRow>> components;

    public EndpointComponents(EventStore events, ViewStore views) {
        this.views = views;
        this.components = new FreshReads<>(events, InferenceComponentView::describe);
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
        return components
                .load(candidates.stream()
                        .map(ViewKind.INFERENCE_COMPONENT::streamOf)
                        .toList())
                .values()
                .stream()
                .flatMap(Optional::stream)
                .filter(row -> row.endpointName().equals(endpointName))
                .sorted(Comparator.comparing(InferenceComponentRow::name))
                .toList();
    }
}
