package dev.stowage.domain.fleet;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.events.FleetEvent.Capacity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * What one fleet is doing and why, for people to read ({@code Stowage.ExplainPlacement}): each instance with what it
 * offers and what is free, and each inference component's copies — where, on which devices, why, whether they run its
 * current specification — how many are pending and why, its last failure, and how far a rollout has come.
 */
public record PlacementExplanation(List<Instance> instances, List<Component> components) {

    /** An instance; {@code room} once it registered its capacity; {@code zone} "" when unknown. */
    public record Instance(
            String instanceId,
            String instanceType,
            FleetInstanceRecord.Status status,
            Optional<Room> room,
            String zone) {
        public Instance(
                String instanceId, String instanceType, FleetInstanceRecord.Status status, Optional<Room> room) {
            this(instanceId, instanceType, status, room, "");
        }
    }

    /** What an instance offers copies, what its copies leave free, and which devices are free. */
    public record Room(Capacity allocatable, Capacity free, List<Integer> freeDeviceIndices) {}

    /** A component on the fleet, as its view row and its stream (when it still exists) say. */
    public record Subject(
            String name,
            InferenceComponentStatus status,
            int desiredCopyCount,
            Optional<InferenceComponentState.Present> state) {}

    /**
     * @param pendingReason why copies are pending, while placement is blocked
     * @param lastFailure the last copy failure and how many failed in a row
     */
    public record Component(
            Subject subject,
            int currentCopyCount,
            int pendingCopyCount,
            Optional<String> pendingReason,
            Optional<String> lastFailure,
            Optional<RolloutProgress> rollout,
            List<Copy> copies) {}

    /** A copy, and whether it runs its component's current specification (unknown for a component gone). */
    public record Copy(FleetCopyRecord record, Optional<Boolean> runsCurrentSpecification) {}

    /** The explanation of {@code fleet} for {@code subjects} (in their order) at {@code now}. */
    public static PlacementExplanation of(FleetState fleet, List<Subject> subjects, Instant now) {
        List<Instance> instances = fleet.instances().values().stream()
                .sorted(Comparator.comparing(FleetInstanceRecord::instanceId))
                .map(i -> new Instance(
                        i.instanceId(),
                        i.instanceType(),
                        i.status(),
                        i.capacity().map(c -> room(c, fleet, i)),
                        i.zone()))
                .toList();
        return new PlacementExplanation(
                instances, subjects.stream().map(s -> component(s, fleet, now)).toList());
    }

    private static Room room(Capacity capacity, FleetState fleet, FleetInstanceRecord instance) {
        List<FleetCopyRecord> held = fleet.copies().values().stream()
                .filter(c -> c.instanceId().equals(instance.instanceId()))
                .toList();
        Set<Integer> used = new TreeSet<>();
        held.forEach(c -> used.addAll(c.deviceIndices()));
        Capacity free = new Capacity(
                capacity.milliCores()
                        - held.stream().mapToLong(FleetCopyRecord::milliCores).sum(),
                capacity.memoryMib()
                        - held.stream().mapToLong(FleetCopyRecord::memoryMib).sum(),
                capacity.acceleratorDevices() - used.size());
        List<Integer> freeDevices = IntStream.range(0, capacity.acceleratorDevices())
                .filter(d -> !used.contains(d))
                .boxed()
                .toList();
        return new Room(capacity, free, freeDevices);
    }

    private static Component component(Subject subject, FleetState fleet, Instant now) {
        List<FleetCopyRecord> copies = fleet.copiesOf(subject.name()).stream()
                .sorted(Comparator.comparing(FleetCopyRecord::copyId))
                .toList();
        long live = copies.stream()
                .filter(c -> c.status() != FleetCopyRecord.Status.REMOVING && !fleet.replacing(c))
                .count();
        Optional<String> lastFailure = Optional.ofNullable(fleet.failures().get(subject.name()))
                .map(failure -> failure.reason() + " (" + failure.inARow() + " in a row)");
        return new Component(
                subject,
                fleet.loadedCopies(subject.name()),
                (int) Math.max(0, subject.desiredCopyCount() - live),
                Optional.ofNullable(fleet.blocked().get(subject.name())),
                lastFailure,
                subject.state().flatMap(p -> RolloutProgress.of(fleet, p, now)),
                copies.stream()
                        .map(copy -> new Copy(copy, subject.state().map(p -> copy.specifiedAt()
                                .equals(p.specifiedAt()))))
                        .toList());
    }
}
