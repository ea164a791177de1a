package dev.stowage.domain.placement;

import java.util.Comparator;

/**
 * The order copies are placed in: largest demand first, measured as the largest share of an instance any one
 * resource takes, then the sum of the shares; then by component and copy id so the order is total.
 */
final class ItemOrder {
    private ItemOrder() {}

    /** Measured against {@code pool}; an item that cannot run on its type counts as the smallest. */
    static Comparator<Item> largestFirst(InstancePool pool) {
        Resources capacity = pool.capacity().allocatable();
        Comparator<Item> bySize = Comparator.comparingDouble(item -> -item.demand()
                .on(pool.instanceType())
                .map(d -> size(d, capacity))
                .orElse(0.0));
        return bySize.thenComparingDouble(item -> -item.demand()
                        .on(pool.instanceType())
                        .map(d -> sum(d, capacity))
                        .orElse(0.0))
                .thenComparing(Item::ic, NaturalOrder.INSTANCE)
                .thenComparing(Item::copyId, NaturalOrder.INSTANCE);
    }

    static double size(Resources demand, Resources capacity) {
        return Math.max(
                Math.max(share(demand.devices(), capacity.devices()), share(demand.memoryMib(), capacity.memoryMib())),
                share(demand.milliCores(), capacity.milliCores()));
    }

    static double sum(Resources demand, Resources capacity) {
        return share(demand.devices(), capacity.devices())
                + share(demand.memoryMib(), capacity.memoryMib())
                + share(demand.milliCores(), capacity.milliCores());
    }

    private static double share(long amount, long total) {
        if (amount == 0) {
            return 0;
        }
        return total == 0 ? Double.MAX_VALUE : (double) amount / total;
    }
}
