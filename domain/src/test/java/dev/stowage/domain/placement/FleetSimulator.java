package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.Blocked;
import dev.stowage.domain.placement.Decision.DrainInstance;
import dev.stowage.domain.placement.Decision.RemoveCopy;
import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.RetireInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applies plans to a fleet as the fleet stream would, and lets time pass: what the reactor and hosts would do. */
final class FleetSimulator {
    private FleetSimulator() {}

    /** The fleet right after the plan's decisions are recorded (copies scheduled or removing, instances asked). */
    static FleetView apply(FleetView fleet, Plan plan, PlacementPolicy policy) {
        Map<String, FleetInstance> instances = new LinkedHashMap<>();
        fleet.instances().forEach(i -> instances.put(i.instanceId(), i));
        Map<String, FleetCopy> copies = new LinkedHashMap<>();
        fleet.copies().forEach(c -> copies.put(c.copyId(), c));
        for (Decision decision : plan.decisions()) {
            switch (decision) {
                case ScheduleCopy s -> {
                    if (copies.containsKey(s.copyId())) {
                        throw new AssertionError("copy id reused: " + s.copyId());
                    }
                    if (instances.get(s.instanceId()).state() != FleetInstance.State.RUNNING) {
                        throw new AssertionError("scheduled on a non-running instance: " + s);
                    }
                    copies.put(
                            s.copyId(),
                            new FleetCopy(
                                    s.copyId(),
                                    s.inferenceComponent(),
                                    s.instanceId(),
                                    s.deviceIndices(),
                                    s.resources(),
                                    FleetCopy.State.SCHEDULED,
                                    s.replaces()));
                }
                case RemoveCopy r -> {
                    FleetCopy c = copies.get(r.copyId());
                    copies.put(
                            r.copyId(),
                            new FleetCopy(
                                    c.copyId(),
                                    c.inferenceComponent(),
                                    c.instanceId(),
                                    c.deviceIndices(),
                                    c.resources(),
                                    FleetCopy.State.REMOVING,
                                    c.replaces()));
                }
                case RequestInstance r -> {
                    if (instances.containsKey(r.instanceId())) {
                        throw new AssertionError("instance id reused: " + r.instanceId());
                    }
                    instances.put(
                            r.instanceId(),
                            FleetInstance.requested(
                                            r.instanceId(),
                                            r.instanceType(),
                                            policy.pool(r.instanceType())
                                                    .orElseThrow()
                                                    .capacity(),
                                            policy.now())
                                    .inZone(r.zone()));
                }
                case DrainInstance d -> {
                    FleetInstance i = instances.get(d.instanceId());
                    instances.put(
                            d.instanceId(),
                            new FleetInstance(
                                    i.instanceId(),
                                    i.instanceType(),
                                    FleetInstance.State.DRAINING,
                                    i.capacity(),
                                    i.since(),
                                    i.lastHostedAt(),
                                    i.zone()));
                }
                case RetireInstance r -> {
                    if (copies.values().stream().anyMatch(c -> c.instanceId().equals(r.instanceId()))) {
                        throw new AssertionError("retired an instance that hosts copies: " + r);
                    }
                    instances.remove(r.instanceId());
                }
                case Blocked b -> {}
            }
        }
        return new FleetView(List.copyOf(instances.values()), List.copyOf(copies.values()));
    }

    /** Time passes: copies load, removals finish, requested instances register. */
    static FleetView settle(FleetView fleet, Instant now) {
        List<FleetCopy> copies = new ArrayList<>();
        List<String> lostCopies = new ArrayList<>();
        for (FleetCopy c : fleet.copies()) {
            switch (c.state()) {
                case SCHEDULED ->
                    copies.add(new FleetCopy(
                            c.copyId(),
                            c.inferenceComponent(),
                            c.instanceId(),
                            c.deviceIndices(),
                            c.resources(),
                            FleetCopy.State.LOADED,
                            c.replaces()));
                case LOADED -> copies.add(c);
                case REMOVING -> lostCopies.add(c.instanceId());
            }
        }
        List<FleetInstance> instances = new ArrayList<>();
        for (FleetInstance i : fleet.instances()) {
            Optional<Instant> lastHosted = lostCopies.contains(i.instanceId()) ? Optional.of(now) : i.lastHostedAt();
            FleetInstance.State state =
                    i.state() == FleetInstance.State.REQUESTED ? FleetInstance.State.RUNNING : i.state();
            Instant since = i.state() == FleetInstance.State.REQUESTED ? now : i.since();
            instances.add(new FleetInstance(
                    i.instanceId(), i.instanceType(), state, i.capacity(), since, lastHosted, i.zone()));
        }
        return new FleetView(instances, copies);
    }

    /** Fails unless every copy holds what its component needs on the type of its instance, and may run there. */
    static void assertEachCopyFitsItsType(FleetView fleet, Map<String, IcTarget> targets) {
        for (FleetCopy copy : fleet.copies()) {
            IcTarget target = targets.get(copy.inferenceComponent());
            FleetInstance instance = fleet.instances().stream()
                    .filter(i -> i.instanceId().equals(copy.instanceId()))
                    .findFirst()
                    .orElseThrow();
            if (target != null && copy.state() == FleetCopy.State.SCHEDULED) {
                Optional<Resources> needed = target.demand().on(instance.instanceType());
                if (needed.isEmpty() || !needed.get().equals(copy.resources())) {
                    throw new AssertionError(copy + " does not hold what " + copy.inferenceComponent() + " needs on "
                            + instance.instanceType() + ": " + needed);
                }
            }
        }
    }

    /** Fails unless every instance holds at most its capacity and each device is given to one copy at most. */
    static void assertNoOvercommit(FleetView fleet) {
        for (FleetInstance instance : fleet.instances()) {
            Resources used = Resources.ZERO;
            long devices = 0;
            for (FleetCopy copy : fleet.copies()) {
                if (!copy.instanceId().equals(instance.instanceId())) {
                    continue;
                }
                used = used.plus(copy.resources());
                if (copy.deviceIndices().size() != copy.resources().devices()) {
                    throw new AssertionError("device indices do not match the demand: " + copy);
                }
                for (int index : copy.deviceIndices()) {
                    if (index < 0 || index >= instance.capacity().deviceCount() || (devices & (1L << index)) != 0) {
                        throw new AssertionError("device " + index + " over-committed on " + instance.instanceId());
                    }
                    devices |= 1L << index;
                }
            }
            if (!used.fitsIn(instance.capacity().allocatable())) {
                throw new AssertionError(instance.instanceId() + " over-committed: " + used + " > "
                        + instance.capacity().allocatable());
            }
        }
        for (FleetCopy copy : fleet.copies()) {
            if (fleet.instances().stream().noneMatch(i -> i.instanceId().equals(copy.instanceId()))) {
                throw new AssertionError("copy on an unknown instance: " + copy);
            }
        }
    }
}
