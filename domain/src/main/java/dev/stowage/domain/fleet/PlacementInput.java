package dev.stowage.domain.fleet;

import dev.stowage.domain.placement.FleetCopy;
import dev.stowage.domain.placement.FleetInstance;
import dev.stowage.domain.placement.FleetView;
import dev.stowage.domain.placement.InstanceCapacity;
import dev.stowage.domain.placement.Resources;
import dev.stowage.events.FleetEvent.Capacity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The fleet as placement sees it: capacities, states and resources, without the stream's history. */
final class PlacementInput {
    private PlacementInput() {}

    /**
     * {@code requested} gives the capacity an instance of a type will have until it registers its own; {@code
     * leaving} are copies placement should see as being removed (they keep their resources but are not counted).
     */
    static FleetView view(FleetState state, Function<String, InstanceCapacity> requested, Set<String> leaving) {
        List<FleetInstance> instances = state.instances().values().stream()
                .map(i -> new FleetInstance(
                        i.instanceId(),
                        i.instanceType(),
                        switch (i.status()) {
                            case REQUESTED -> FleetInstance.State.REQUESTED;
                            case RUNNING -> FleetInstance.State.RUNNING;
                            case DRAINING -> FleetInstance.State.DRAINING;
                        },
                        i.capacity().map(PlacementInput::capacity).orElseGet(() -> requested.apply(i.instanceType())),
                        i.since(),
                        i.lastHostedAt(),
                        i.zone()))
                .toList();
        List<FleetCopy> copies = state.copies().values().stream()
                .map(c -> new FleetCopy(
                        c.copyId(),
                        c.inferenceComponentName(),
                        c.instanceId(),
                        c.deviceIndices(),
                        new Resources(c.milliCores(), c.deviceIndices().size(), c.memoryMib()),
                        leaving.contains(c.copyId())
                                ? FleetCopy.State.REMOVING
                                : switch (c.status()) {
                                    case SCHEDULED -> FleetCopy.State.SCHEDULED;
                                    case LOADED -> FleetCopy.State.LOADED;
                                    case REMOVING -> FleetCopy.State.REMOVING;
                                },
                        state.replacing(c) ? Optional.of(c.replaces()) : Optional.empty()))
                .toList();
        return new FleetView(instances, copies, state.usedInstanceNumber(), state.usedCopyNumbers());
    }

    private static InstanceCapacity capacity(Capacity offered) {
        return new InstanceCapacity(
                new Resources(offered.milliCores(), offered.acceleratorDevices(), offered.memoryMib()));
    }
}
