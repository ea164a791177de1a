package dev.stowage.domain.placement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Copies of one component per zone, over the zones of the hosts being placed on (an unknown zone is one zone). */
final class ZoneCounts {
    private final Map<String, Integer> byZone = new TreeMap<>();

    private ZoneCounts() {}

    static ZoneCounts of(String ic, List<Host> hosts) {
        ZoneCounts counts = new ZoneCounts();
        for (Host host : hosts) {
            counts.byZone.merge(host.zone, host.count(ic), Integer::sum);
        }
        return counts;
    }

    /** Whether the hosts are in two zones or more: only then does a balance apply. */
    boolean several() {
        return byZone.size() > 1;
    }

    int in(String zone) {
        return byZone.getOrDefault(zone, 0);
    }

    /** Whether one more copy in {@code zone} keeps the balance: the zone has the fewest, or stays within the bound. */
    boolean allows(String zone, int maxImbalance) {
        int fewest = byZone.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int here = in(zone);
        return here == fewest || here + 1 - fewest <= maxImbalance;
    }

    @Override
    public String toString() {
        return byZone.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
