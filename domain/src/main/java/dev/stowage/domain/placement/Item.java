package dev.stowage.domain.placement;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A copy to be placed: a new one, or the replacement of {@code replaces} in a move. */
record Item(String ic, String copyId, CopyDemand demand, Optional<String> replaces, Scheduling scheduling) {
    Item(String ic, String copyId, CopyDemand demand, Optional<String> replaces) {
        this(ic, copyId, demand, replaces, Scheduling.NONE);
    }

    /** What the copy needs on {@code host}'s type, or empty when it cannot run there. */
    Optional<Resources> on(Host host) {
        return demand.on(host.type);
    }

    /** Moves of {@code copies}, all on {@code source}, to elsewhere: largest first, each holding its own demand. */
    static List<Item> movesOff(Host source, Collection<FleetCopy> copies) {
        return copies.stream()
                .map(c -> new Item(
                        c.inferenceComponent(),
                        c.copyId(),
                        CopyDemand.on(source.type, c.resources()),
                        Optional.of(c.copyId())))
                .sorted(ItemOrder.largestFirst(
                        new InstancePool(source.type, new InstanceCapacity(source.capacity), Optional.empty())))
                .toList();
    }

    /**
     * Moves of {@code copies}, all on {@code source}, to any instance type their component has a specification for:
     * on the source's type each holds its own demand, elsewhere its component's ({@code targets}); largest first.
     */
    static List<Item> movesOff(Host source, Collection<FleetCopy> copies, Map<String, IcTarget> targets) {
        return copies.stream()
                .map(c -> new Item(
                        c.inferenceComponent(),
                        c.copyId(),
                        anyType(source.type, c, targets.get(c.inferenceComponent())),
                        Optional.of(c.copyId()),
                        Optional.ofNullable(targets.get(c.inferenceComponent()))
                                .map(IcTarget::scheduling)
                                .orElse(Scheduling.NONE)))
                .sorted(ItemOrder.largestFirst(
                        new InstancePool(source.type, new InstanceCapacity(source.capacity), Optional.empty())))
                .toList();
    }

    private static CopyDemand anyType(String sourceType, FleetCopy copy, IcTarget target) {
        if (target == null) {
            return CopyDemand.on(sourceType, copy.resources());
        }
        Map<String, Resources> byType = new HashMap<>(target.demand().byType());
        byType.put(sourceType, copy.resources());
        return new CopyDemand(target.demand().uniform(), byType);
    }
}
