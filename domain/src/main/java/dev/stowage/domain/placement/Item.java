package dev.stowage.domain.placement;

import java.util.Collection;
import java.util.List;
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
}
