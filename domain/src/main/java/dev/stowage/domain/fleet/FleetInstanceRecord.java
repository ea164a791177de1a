package dev.stowage.domain.fleet;

import dev.stowage.events.FleetEvent.Capacity;
import java.time.Instant;
import java.util.Optional;

/** An instance of the fleet as its stream tells it; {@code zone} is "" when unknown. */
public record FleetInstanceRecord(
        String instanceId,
        String instanceType,
        Status status,
        Optional<String> address,
        Optional<Capacity> capacity,
        Instant since,
        Optional<Instant> lastHostedAt,
        String zone) {

    public enum Status {
        REQUESTED,
        RUNNING,
        DRAINING
    }

    FleetInstanceRecord registered(String at, Capacity offered, Instant when) {
        return new FleetInstanceRecord(
                instanceId,
                instanceType,
                Status.RUNNING,
                Optional.of(at),
                Optional.of(offered),
                when,
                lastHostedAt,
                zone);
    }

    FleetInstanceRecord draining() {
        return new FleetInstanceRecord(
                instanceId, instanceType, Status.DRAINING, address, capacity, since, lastHostedAt, zone);
    }

    FleetInstanceRecord hostedUntil(Instant when) {
        return new FleetInstanceRecord(
                instanceId, instanceType, status, address, capacity, since, Optional.of(when), zone);
    }
}
