package dev.stowage.domain.placement;

import java.time.Instant;
import java.util.Optional;

/**
 * One instance of the fleet as placement sees it.
 *
 * @param instanceType what it was launched as ({@link PlacementPolicy#ONE_TYPE} in a fleet of one kind)
 * @param since when it was requested (while {@code REQUESTED}) or registered (afterwards)
 * @param lastHostedAt when its last copy went away, if it ever hosted one; with {@code since}, the start of
 *     its idle time for the cool-down
 * @param zone its availability zone, "" when unknown (a fleet of one zone)
 */
public record FleetInstance(
        String instanceId,
        String instanceType,
        State state,
        InstanceCapacity capacity,
        Instant since,
        Optional<Instant> lastHostedAt,
        String zone) {

    public enum State {
        /** Asked of the provider, not yet registered: capacity already coming. */
        REQUESTED,
        /** Registered and able to host copies. */
        RUNNING,
        /** Being retired: hosts no new copies; its copies are moved away. */
        DRAINING
    }

    /** An instance in an unknown zone. */
    public FleetInstance(
            String instanceId,
            String instanceType,
            State state,
            InstanceCapacity capacity,
            Instant since,
            Optional<Instant> lastHostedAt) {
        this(instanceId, instanceType, state, capacity, since, lastHostedAt, "");
    }

    /** An instance of a fleet of one kind. */
    public FleetInstance(
            String instanceId, State state, InstanceCapacity capacity, Instant since, Optional<Instant> lastHostedAt) {
        this(instanceId, PlacementPolicy.ONE_TYPE, state, capacity, since, lastHostedAt);
    }

    public static FleetInstance running(String instanceId, InstanceCapacity capacity, Instant registeredAt) {
        return running(instanceId, PlacementPolicy.ONE_TYPE, capacity, registeredAt);
    }

    public static FleetInstance running(
            String instanceId, String instanceType, InstanceCapacity capacity, Instant registeredAt) {
        return new FleetInstance(instanceId, instanceType, State.RUNNING, capacity, registeredAt, Optional.empty());
    }

    public static FleetInstance requested(String instanceId, InstanceCapacity capacity, Instant requestedAt) {
        return requested(instanceId, PlacementPolicy.ONE_TYPE, capacity, requestedAt);
    }

    public static FleetInstance requested(
            String instanceId, String instanceType, InstanceCapacity capacity, Instant requestedAt) {
        return new FleetInstance(instanceId, instanceType, State.REQUESTED, capacity, requestedAt, Optional.empty());
    }

    /** This instance in {@code availabilityZone}. */
    public FleetInstance inZone(String availabilityZone) {
        return new FleetInstance(instanceId, instanceType, state, capacity, since, lastHostedAt, availabilityZone);
    }

    /** Start of its idle time: the later of {@code since} and {@code lastHostedAt}. */
    public Instant idleSince() {
        return lastHostedAt.filter(t -> t.isAfter(since)).orElse(since);
    }
}
