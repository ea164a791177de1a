package dev.stowage.domain.fleet;

import dev.stowage.domain.Arns;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.StreamIds;
import java.util.Optional;

/**
 * The production variant a fleet runs, as its endpoint's stream says now: what the instance reconciler needs of the
 * variant (its {@code CapacityReservationConfig}) read from existing state, as placement reads its pools.
 */
public final class FleetVariants {
    private final EventStore events;
    private final EndpointDecider endpoints;

    public FleetVariants(EventStore events, Arns arns) {
        this.events = events;
        this.endpoints = new EndpointDecider(arns);
    }

    /** The fleet's variant; empty once its endpoint is gone or names it no more. */
    public Optional<ProductionVariant> of(FleetKey key) {
        if (CommandService.fold(endpoints, events.read(StreamIds.endpoint(key.endpointName())))
                instanceof EndpointState.Present p) {
            return ProductionVariant.of(p.endpointConfig()).stream()
                    .filter(v -> v.variantName().equals(key.variantName()))
                    .findFirst();
        }
        return Optional.empty();
    }
}
