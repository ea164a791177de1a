package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.fleet.FleetCopyRecord;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.fleet.FleetState;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.LivenessStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.domain.views.EndpointComponents;
import dev.stowage.domain.views.ListQuery;
import dev.stowage.domain.views.ListSortBy;
import dev.stowage.domain.views.ListSortOrder;
import dev.stowage.domain.views.Page;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.domain.views.ViewRow;
import dev.stowage.domain.views.ViewStore;
import dev.stowage.domain.views.Views;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read side of the API. Describe folds the resource's own stream (a consistent read, so a Describe right
 * after a Create succeeds); List reads the views, which the projector keeps.
 */
final class Reads {
    private final EventStore events;
    private final ViewStore views;
    private final FleetRepository fleets;
    private final LivenessStore liveness;
    private final EndpointComponents endpointComponents;

    Reads(EventStore events, ViewStore views, FleetRepository fleets, LivenessStore liveness) {
        this.events = events;
        this.views = views;
        this.fleets = fleets;
        this.liveness = liveness;
        this.endpointComponents = new EndpointComponents(events, views);
    }

    <R extends ViewRow> R describe(ViewKind kind, String name, Class<R> type, Supplier<CommandRejected> notFound) {
        return Views.describe(kind, events.read(kind.streamOf(name)))
                .map(type::cast)
                .orElseThrow(notFound);
    }

    /** The fleet of an endpoint's variant, folded from its stream (consistent). */
    FleetState fleet(String endpointName, String variantName) {
        return fleets.load(StreamIds.fleet(endpointName, variantName)).state();
    }

    /**
     * How far {@code component}'s loading copies have come, as their hosts' last heartbeats told ({@code pulling
     * <image>: 312 of 1,840 MiB}): the first loading copy's that said anything, by copy id.
     */
    Optional<String> loadingProgress(String endpointName, String variantName, String component, FleetState fleet) {
        String stream = StreamIds.fleet(endpointName, variantName);
        return fleet.copiesOf(component).stream()
                .filter(copy -> copy.status() == FleetCopyRecord.Status.SCHEDULED)
                .sorted(Comparator.comparing(FleetCopyRecord::copyId))
                .map(copy -> liveness.loading(stream, copy.instanceId()).get(copy.copyId()))
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The resource folded from its own stream, if it exists. */
    <R extends ViewRow> Optional<R> find(ViewKind kind, String name, Class<R> type) {
        return Views.describe(kind, events.read(kind.streamOf(name))).map(type::cast);
    }

    <R extends ViewRow> List<R> listAll(ViewKind kind, Class<R> type) {
        return views.list(kind).stream().map(type::cast).toList();
    }

    <R extends ViewRow> Page<R> list(ViewKind kind, JsonNode input, Class<R> type) {
        List<R> rows = views.list(kind).stream().map(type::cast).toList();
        return query(kind, input).run(rows);
    }

    /** The inference component {@code name} as its stream folds with {@code decider} (a consistent read). */
    InferenceComponentState component(String name, InferenceComponentDecider decider) {
        return CommandService.fold(decider, events.read(StreamIds.inferenceComponent(name)));
    }

    /** How many inference components are on {@code endpointName} now; see {@link EndpointComponents}. */
    int inferenceComponentsOn(String endpointName) {
        return endpointComponents.on(endpointName).size();
    }

    private static ListQuery query(ViewKind kind, JsonNode input) {
        return ListQuery.builder()
                .nameContains(Json.text(input, "NameContains").orElse(null))
                .creationTimeBefore(Json.instant(input, "CreationTimeBefore").orElse(null))
                .creationTimeAfter(Json.instant(input, "CreationTimeAfter").orElse(null))
                .lastModifiedTimeBefore(
                        Json.instant(input, "LastModifiedTimeBefore").orElse(null))
                .lastModifiedTimeAfter(
                        Json.instant(input, "LastModifiedTimeAfter").orElse(null))
                .statusEquals(Json.text(input, "StatusEquals").orElse(null))
                .endpointNameEquals(Json.text(input, "EndpointNameEquals").orElse(null))
                .variantNameEquals(Json.text(input, "VariantNameEquals").orElse(null))
                .sortBy(Json.text(input, "SortBy")
                        .flatMap(ListSortBy::fromWireName)
                        .filter(sortBy -> sortBy.appliesTo(kind))
                        .orElse(null))
                .sortOrder(Json.text(input, "SortOrder")
                        .flatMap(ListSortOrder::fromWireName)
                        .orElse(null))
                .maxResults(Json.integer(input, "MaxResults").orElse(null))
                .nextToken(Json.text(input, "NextToken").orElse(null))
                .build();
    }
}
