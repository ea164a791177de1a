package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.RemoveCopy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which copies go when a component has more than it wants: those on draining instances, then those not
 * loaded yet, then those sharing an instance with most copies of the component (least spread), then those on the
 * most loaded instance; newest id last as a tie-break.
 */
final class ScaleDown {
    private ScaleDown() {}

    static List<RemoveCopy> remove(String ic, List<Unit> units, int desired, Ledger ledger) {
        int excess = units.size() - desired;
        if (excess <= 0) {
            return List.of();
        }
        Comparator<Unit> order = Comparator.<Unit>comparingInt(u -> draining(u, ledger) ? 0 : 1)
                .thenComparingInt(u -> u.primary().state() == FleetCopy.State.LOADED ? 1 : 0)
                .thenComparingInt(u -> -host(u, ledger).count(ic))
                .thenComparingDouble(u -> -host(u, ledger).utilization())
                .thenComparing(u -> u.primary().copyId(), NaturalOrder.INSTANCE.reversed());
        List<Unit> victims = units.stream().sorted(order).limit(excess).toList();
        String wants = ic + " wants " + desired + (desired == 1 ? " copy" : " copies") + ", has " + units.size();
        List<RemoveCopy> removals = new ArrayList<>();
        for (Unit victim : victims) {
            FleetCopy copy = victim.primary();
            removals.add(new RemoveCopy(copy.copyId(), wants + ": " + because(victim, ledger)));
            victim.replacement()
                    .ifPresent(r -> removals.add(new RemoveCopy(
                            r.copyId(), wants + ": " + copy.copyId() + " goes, and with it its replacement")));
        }
        return removals;
    }

    private static String because(Unit unit, Ledger ledger) {
        FleetCopy copy = unit.primary();
        Host host = host(unit, ledger);
        if (draining(unit, ledger)) {
            return copy.copyId() + " is on draining " + copy.instanceId();
        }
        if (copy.state() != FleetCopy.State.LOADED) {
            return copy.copyId() + " is not loaded yet";
        }
        if (host.count(copy.inferenceComponent()) > 1) {
            return copy.copyId() + " shares " + copy.instanceId() + " with another copy of "
                    + copy.inferenceComponent();
        }
        return copy.copyId() + " is on " + copy.instanceId() + ", the most loaded instance";
    }

    private static boolean draining(Unit unit, Ledger ledger) {
        return ledger.state(unit.primary().instanceId()) == FleetInstance.State.DRAINING;
    }

    private static Host host(Unit unit, Ledger ledger) {
        return ledger.hosts.get(unit.primary().instanceId());
    }
}
