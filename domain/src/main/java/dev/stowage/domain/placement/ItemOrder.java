package dev.stowage.domain.placement;

import java.util.Comparator;

/**
 * The order copies are placed in: largest demand first, measured as the largest share of an instance any one
 * resource takes, then the sum of the shares; then by component and copy id so the order is total.
 */
final class ItemOrder {
    private ItemOrder() {}

    static Comparator<Item> largestFirst(Resources capacity) {
        Comparator<Item> bySize = Comparator.comparingDouble(item -> -size(item.demand(), capacity));
        return bySize.thenComparingDouble(item -> -sum(item.demand(), capacity))
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
