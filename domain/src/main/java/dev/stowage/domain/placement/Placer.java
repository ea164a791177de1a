package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final IntFunction<String> newZone;
    private final Map<Integer, Packing> tried = new HashMap<>();

    private Placer(
            List<Item> items,
            List<Host> existing,
            InstancePool pool,
            IntFunction<String> newId,
            IntFunction<String> newZone) {
        this.items = items;
        this.existing = existing;
        this.pool = pool;
        this.newCapacity = pool.capacity().allocatable();
        this.newId = newId;
        this.newZone = newZone;
    }

    /**
     * Packs {@code items} (already in placement order, each fitting an empty new instance of {@code pool} when
     * {@code allowedNew} is above 0). Returns the packing with every item placed if {@code allowedNew} new instances
     * suffice, else the one placing the most.
     */
    static Packing place(
            List<Item> items,
            List<Host> existing,
            InstancePool pool,
            int allowedNew,
            IntFunction<String> newId,
            IntFunction<String> newZone) {
        return new Placer(items, existing, pool, newId, newZone).place(allowedNew);
    }

    private Packing place(int allowedNew) {
        Packing none = complete(0);
        if (none != null || allowedNew == 0 || items.isEmpty()) {
            return none != null ? none : best(0);
        }
        int upper = Packing.firstFitNewHosts(items, existing, pool);
        int hi = Math.min(upper, allowedNew);
        if (complete(hi) == null && strict()) {
            // First fit knows no zones: a strict zone balance may need an instance in each zone per copy.
            hi = (int) Math.min(allowedNew, upper + (long) items.size() * zones());
        }
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
        for (boolean honoured : honouring()) {
            for (Strategy strategy : PORTFOLIO) {
                Packing packing = Packing.run(strategy, items, hosts, true, honoured);
                if (packing.complete()) {
                    tried.put(k, packing);
                    return packing;
                }
            }
        }
        tried.put(k, found);
        return found;
    }

    private Packing best(int k) {
        List<Host> hosts = hosts(k);
        Packing best = null;
        for (boolean honoured : honouring()) {
            for (Strategy strategy : PORTFOLIO) {
                Packing packing = Packing.run(strategy, items, hosts, false, honoured);
                if (best == null || packing.placed() > best.placed()) {
                    best = packing;
                }
            }
        }
        return best;
    }

    /** Preferences first, then (when some item has one) without them, so they never cost an instance. */
    private List<Boolean> honouring() {
        return Packing.anyPreference(items) ? List.of(true, false) : List.of(true);
    }

    private List<Host> hosts(int k) {
        List<Host> hosts = new ArrayList<>(existing.size() + k);
        hosts.addAll(existing);
        for (int j = 0; j < k; j++) {
            hosts.add(new Host(newId.apply(j), Host.Kind.NEW, pool.instanceType(), newZone.apply(j), newCapacity));
        }
        return hosts;
    }

    private boolean strict() {
        return items.stream().anyMatch(item -> item.scheduling().strictBalance());
    }

    /** How many zones new instances rotate through (at least one). */
    private int zones() {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < items.size() && seen.size() == j; j++) {
            seen.add(newZone.apply(j));
        }
        return Math.max(1, seen.size());
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
