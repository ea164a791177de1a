package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.RetireInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Retires instances that host nothing: a drained one at once; a running one once it has been idle for the
 * cool-down, longest idle first, as long as MinInstanceCount instances remain. An instance the same plan schedules a
 * copy on is not idle.
 */
final class Retirement {
    private Retirement() {}

    static List<RetireInstance> retire(
            Ledger ledger, List<Host> runningAfter, int activeAfter, Set<String> targeted, PlacementPolicy policy) {
        List<RetireInstance> retired = new ArrayList<>();
        for (Host host : ledger.hosts.values()) {
            if (host.kind == Host.Kind.DRAINING && host.copies() == 0) {
                retired.add(new RetireInstance(host.id, host.id + " is drained: it hosts no copy"));
            }
        }
        List<FleetInstance> idle = runningAfter.stream()
                .filter(h -> h.copies() == 0 && !targeted.contains(h.id))
                .map(h -> ledger.instances.get(h.id))
                .filter(i -> !i.idleSince().plus(policy.coolDown()).isAfter(policy.now()))
                .sorted(Comparator.comparing(FleetInstance::idleSince)
                        .thenComparing(FleetInstance::instanceId, NaturalOrder.INSTANCE))
                .toList();
        int remaining = activeAfter;
        for (FleetInstance instance : idle) {
            if (remaining <= policy.minInstances()) {
                break;
            }
            remaining--;
            retired.add(new RetireInstance(instance.instanceId(), why(instance, remaining, policy)));
        }
        return retired;
    }

    private static String why(FleetInstance instance, int remaining, PlacementPolicy policy) {
        return instance.instanceId() + " has hosted nothing since " + instance.idleSince() + ", longer than the "
                + policy.coolDown() + " cool-down; " + remaining
                + (remaining == 1 ? " instance remains" : " instances remain")
                + " (MinInstanceCount " + policy.minInstances() + ")";
    }
}
