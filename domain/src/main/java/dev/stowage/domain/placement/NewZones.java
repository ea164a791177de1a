package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The zone of each new instance a plan may request: the least-used zone, by instances requested or running there,
 * each new one counting as it is given (ties go to the earlier zone of the policy). "" when the zones are unknown.
 */
final class NewZones {
    private final Map<String, Integer> used = new LinkedHashMap<>();
    private final List<String> given = new ArrayList<>();

    private NewZones(List<String> zones, Ledger ledger) {
        zones.forEach(zone -> used.put(zone, 0));
        ledger.instances.values().stream()
                .filter(i -> i.state() != FleetInstance.State.DRAINING)
                .forEach(i -> used.computeIfPresent(i.zone(), (zone, n) -> n + 1));
    }

    static NewZones of(PlacementPolicy policy, Ledger ledger) {
        return new NewZones(policy.zones(), ledger);
    }

    /** The zone of the {@code j}-th new instance (from 0), the same for the same {@code j} throughout the plan. */
    String zone(int j) {
        if (used.isEmpty()) {
            return "";
        }
        while (given.size() <= j) {
            String least = used.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            used.merge(least, 1, Integer::sum);
            given.add(least);
        }
        return given.get(j);
    }
}
