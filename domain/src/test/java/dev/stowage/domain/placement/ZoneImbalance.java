package dev.stowage.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A component's copies per zone, over the zones of the instances not draining, before and after a plan. */
final class ZoneImbalance {
    private ZoneImbalance() {}

    /**
     * For each component with a strict zone balance, the copies the plan scheduled leave its imbalance (most minus
     * fewest copies in a zone) no higher than its MaxImbalance, or 1 (one copy in a zone with the fewest), or what it
     * was without them. A move counts once: its original, which goes once the replacement is loaded, is left out.
     */
    static void assertNotRaisedBeyondBound(FleetView after, Plan plan, Map<String, IcTarget> targets) {
        Set<String> scheduled =
                plan.only(ScheduleCopy.class).stream().map(ScheduleCopy::copyId).collect(Collectors.toSet());
        Set<String> replaced = plan.only(ScheduleCopy.class).stream()
                .flatMap(move -> move.replaces().stream())
                .collect(Collectors.toSet());
        targets.forEach((ic, target) -> target.scheduling()
                .zoneBalance()
                .filter(ZoneBalance::strict)
                .ifPresent(balance -> {
                    int before = imbalance(after, ic, scheduled);
                    int now = imbalance(after, ic, replaced);
                    assertThat(now)
                            .as("imbalance of %s (was %d, MaxImbalance %d)", ic, before, balance.maxImbalance())
                            .isLessThanOrEqualTo(Math.max(before, Math.max(1, balance.maxImbalance())));
                }));
    }

    private static int imbalance(FleetView fleet, String ic, Set<String> leftOut) {
        Map<String, String> zoneOf = new TreeMap<>();
        Map<String, Integer> perZone = new TreeMap<>();
        fleet.instances().stream()
                .filter(i -> i.state() != FleetInstance.State.DRAINING)
                .forEach(i -> {
                    zoneOf.put(i.instanceId(), i.zone());
                    perZone.put(i.zone(), 0);
                });
        fleet.copies().stream()
                .filter(c -> c.inferenceComponent().equals(ic) && !leftOut.contains(c.copyId()))
                .filter(c -> zoneOf.containsKey(c.instanceId()))
                .forEach(c -> perZone.merge(zoneOf.get(c.instanceId()), 1, Integer::sum));
        int most = perZone.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int fewest = perZone.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        return most - fewest;
    }
}
