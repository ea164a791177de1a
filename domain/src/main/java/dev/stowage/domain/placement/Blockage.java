package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Says why copies of a component stay pending when nothing can be done about it. */
final class Blockage {
    private Blockage() {}

    static String neverFits(String ic, int pending, CopyDemand demand, PlacementPolicy policy) {
        if (policy.pools().size() == 1
                && demand.on(policy.pools().getFirst().instanceType()).isPresent()) {
            InstancePool pool = policy.pools().getFirst();
            return neverFits(
                    ic,
                    pending,
                    demand.on(pool.instanceType()).orElseThrow(),
                    pool.capacity().allocatable());
        }
        List<String> types = new ArrayList<>();
        for (InstancePool pool : policy.pools()) {
            types.add(demand.on(pool.instanceType())
                    .map(d -> pool.instanceType() + " has at most "
                            + beyond(d, pool.capacity().allocatable()) + " allocatable")
                    .orElse(pool.instanceType() + " has no specification of it"));
        }
        return pending(ic, pending) + ": needs " + demand.describe() + " per copy; " + String.join(", ", types)
                + ", so a copy can never fit one instance";
    }

    /** The copies fit only pools the provider is short of now, and no instance already there has room. */
    static String poolsShort(String ic, int pending, CopyDemand demand, PlacementPolicy policy) {
        List<String> shortages = new ArrayList<>();
        for (InstancePool pool : policy.pools()) {
            if (pool.fits(demand)) {
                pool.shortage().ifPresent(why -> shortages.add(pool.instanceType() + ": " + why));
            }
        }
        return pending(ic, pending) + ": needs " + demand.describe() + " per copy; no instance has room, and the"
                + " instance types it fits have no capacity now (" + String.join("; ", shortages) + ")";
    }

    /**
     * A strict zone balance keeps the copies pending: a copy fits some instance, but only in zones that already have
     * too many copies, and no instance elsewhere can be requested. Empty when that is not why.
     */
    static Optional<String> zoneBalance(String ic, int pending, Item item, List<Host> hosts, PlacementPolicy policy) {
        Optional<ZoneBalance> balance = item.scheduling().zoneBalance().filter(ZoneBalance::strict);
        ZoneCounts zones = ZoneCounts.of(ic, hosts);
        if (balance.isEmpty() || !zones.several() || hosts.stream().noneMatch(h -> h.fits(item))) {
            return Optional.empty();
        }
        return Optional.of(pending(ic, pending) + ": its AvailabilityZoneBalance (STRICT, MaxImbalance "
                + balance.get().maxImbalance() + ") allows no instance where a copy fits (copies per zone: " + zones
                + "), and no instance in a zone with fewer copies can be requested (" + policy.maxInstances()
                + " instances at most)");
    }

    private static String neverFits(String ic, int pending, Resources demand, Resources instance) {
        return pending(ic, pending) + ": needs " + demand.describe() + " per copy; an instance of this type has at"
                + " most " + beyond(demand, instance) + " allocatable, so a copy can never fit one instance";
    }

    private static String beyond(Resources demand, Resources instance) {
        List<String> beyond = new ArrayList<>();
        if (demand.devices() > instance.devices()) {
            beyond.add(instance.devices() + " accelerator devices");
        }
        if (demand.milliCores() > instance.milliCores()) {
            beyond.add(Resources.cores(instance.milliCores()) + " cores");
        }
        if (demand.memoryMib() > instance.memoryMib()) {
            beyond.add(instance.memoryMib() + " MiB");
        }
        return String.join(", ", beyond);
    }

    static String maxReached(String ic, int pending, CopyDemand demand, Collection<Host> running, int max) {
        String shortfall = demand.byType().isEmpty()
                ? shortfall(demand.uniform().orElseThrow(), running)
                : "no running instance has room for one";
        return pending(ic, pending) + ": needs " + demand.describe() + " per copy; " + shortfall + "; MaxInstanceCount "
                + max + " reached";
    }

    private static String shortfall(Resources demand, Collection<Host> running) {
        if (running.isEmpty()) {
            return "no instance is running";
        }
        int devices = 0;
        long milli = 0;
        long memory = 0;
        for (Host host : running) {
            devices = Math.max(devices, host.freeDevices());
            milli = Math.max(milli, host.freeMilli());
            memory = Math.max(memory, host.freeMemory());
        }
        List<String> parts = new ArrayList<>();
        if (demand.devices() > devices) {
            parts.add(devices + (devices == 1 ? " free accelerator device" : " free accelerator devices"));
        }
        if (demand.memoryMib() > memory) {
            parts.add(memory + " MiB of free memory");
        }
        if (demand.milliCores() > milli) {
            parts.add(Resources.cores(milli) + " free cores");
        }
        return parts.isEmpty()
                ? "no instance has all of it free at once"
                : "instances have at most " + String.join(", ", parts);
    }

    private static String pending(String ic, int pending) {
        return pending + (pending == 1 ? " copy of " : " copies of ") + ic + " pending";
    }
}
