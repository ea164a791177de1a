package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Places copies on the existing hosts plus as few new instances as it can: the smallest number {@code k} of new
 * instances (at most {@code allowedNew}) for which one of the strategies places every copy, found by binary
 * search between a resource lower bound and what plain first fit needs (which always succeeds).
 */
final class Placer {
    private static final List<Strategy> PORTFOLIO = List.of(Strategy.values());

    private final List<Item> items;
    private final List<Host> existing;
    private final InstancePool pool;
    private final Resources newCapacity;
    private final IntFunction<String> newId;
    private final Map<Integer, Packing> tried = new HashMap<>();

    private Placer(List<Item> items, List<Host> existing, InstancePool pool, IntFunction<String> newId) {
        this.items = items;
        this.existing = existing;
        this.pool = pool;
        this.newCapacity = pool.capacity().allocatable();
        this.newId = newId;
    }

    /**
     * Packs {@code items} (already in placement order, each fitting an empty new instance of {@code pool} when
     * {@code allowedNew} is above 0). Returns the packing with every item placed if {@code allowedNew} new instances
     * suffice, else the one placing the most.
     */
    static Packing place(
            List<Item> items, List<Host> existing, InstancePool pool, int allowedNew, IntFunction<String> newId) {
        return new Placer(items, existing, pool, newId).place(allowedNew);
    }

    private Packing place(int allowedNew) {
        Packing none = complete(0);
        if (none != null || allowedNew == 0 || items.isEmpty()) {
            return none != null ? none : best(0);
        }
        int upper = Packing.firstFitNewHosts(items, existing, pool);
        int hi = Math.min(upper, allowedNew);
        if (complete(hi) == null) {
            return best(hi);
        }
        int lo = Math.max(1, lowerBound());
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (complete(mid) != null) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return complete(hi);
    }

    private Packing complete(int k) {
        if (tried.containsKey(k)) {
            return tried.get(k);
        }
        List<Host> hosts = hosts(k);
        Packing found = null;
        for (Strategy strategy : PORTFOLIO) {
            Packing packing = Packing.run(strategy, items, hosts, true);
            if (packing.complete()) {
                found = packing;
                break;
            }
        }
        tried.put(k, found);
        return found;
    }

    private Packing best(int k) {
        List<Host> hosts = hosts(k);
        Packing best = null;
        for (Strategy strategy : PORTFOLIO) {
            Packing packing = Packing.run(strategy, items, hosts, false);
            if (best == null || packing.placed() > best.placed()) {
                best = packing;
            }
        }
        return best;
    }

    private List<Host> hosts(int k) {
        List<Host> hosts = new ArrayList<>(existing.size() + k);
        hosts.addAll(existing);
        for (int j = 0; j < k; j++) {
            hosts.add(new Host(newId.apply(j), Host.Kind.NEW, pool.instanceType(), newCapacity));
        }
        return hosts;
    }

    /** New instances needed at least, counting every free resource of the existing hosts as usable. */
    private int lowerBound() {
        long milli = 0;
        long devices = 0;
        long memory = 0;
        for (Item item : items) {
            Resources demand = item.demand().on(pool.instanceType()).orElseThrow();
            milli += demand.milliCores();
            devices += demand.devices();
            memory += demand.memoryMib();
        }
        for (Host host : existing) {
            milli -= Math.max(0, host.freeMilli());
            devices -= host.freeDevices();
            memory -= Math.max(0, host.freeMemory());
        }
        return Math.max(
                Math.max(ceil(milli, newCapacity.milliCores()), ceil(devices, newCapacity.devices())),
                ceil(memory, newCapacity.memoryMib()));
    }

    private static int ceil(long need, long per) {
        return need <= 0 || per == 0 ? 0 : (int) ((need + per - 1) / per);
    }
}
