package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where one copy goes, honouring its component's {@link Scheduling}: of the hosts where it fits, those its zone
 * balance allows (all of them, with a note, when a permissive balance allows none), then the one its preference
 * ranks first. Without a preference, or when the preference is not to be {@code honoured} (the fallback that keeps
 * the fewest new instances), the packing strategy chooses among the allowed hosts.
 */
final class ScheduledChoice {
    /** The index of the chosen host (-1: none) and what a reason should add, or "". */
    record Choice(int host, String note) {}

    private ScheduledChoice() {}

    static Choice choose(Strategy strategy, Item item, List<Host> hosts, boolean honoured) {
        Scheduling scheduling = item.scheduling();
        if (scheduling.none()) {
            return new Choice(strategy.choose(item, hosts), "");
        }
        ZoneCounts zones = ZoneCounts.of(item.ic(), hosts);
        List<Integer> fitting = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).fits(item)) {
                fitting.add(i);
            }
        }
        String note = "";
        List<Integer> allowed = fitting;
        if (scheduling.zoneBalance().isPresent() && zones.several()) {
            ZoneBalance balance = scheduling.zoneBalance().get();
            allowed = fitting.stream()
                    .filter(i -> zones.allows(hosts.get(i).zone, balance.maxImbalance()))
                    .toList();
            if (allowed.isEmpty() && !balance.strict() && !fitting.isEmpty()) {
                allowed = fitting;
                note = "; breaks AvailabilityZoneBalance (MaxImbalance " + balance.maxImbalance()
                        + ", copies per zone: " + zones + "): no instance in a zone that keeps it has room,"
                        + " and PERMISSIVE places it anyway";
            }
        }
        if (allowed.isEmpty()) {
            return new Choice(-1, "");
        }
        Comparator<Integer> rank =
                switch (honoured ? scheduling.preference() : Scheduling.Preference.NONE) {
                    case SPREAD ->
                        Comparator.<Integer>comparingInt(i -> hosts.get(i).count(item.ic()))
                                .thenComparingInt(i -> zones.in(hosts.get(i).zone))
                                .thenComparingInt(i -> hosts.get(i).kind == Host.Kind.NEW ? 1 : 0);
                    case BINPACK ->
                        Comparator.<Integer>comparingDouble(i -> -hosts.get(i).utilization())
                                .thenComparingInt(i -> hosts.get(i).kind == Host.Kind.NEW ? 1 : 0);
                    case NONE -> null;
                };
        if (rank == null) {
            List<Host> sub = allowed.stream().map(hosts::get).toList();
            int chosen = strategy.choose(item, sub);
            return new Choice(chosen < 0 ? -1 : allowed.get(chosen), note);
        }
        return new Choice(allowed.stream().min(rank.thenComparingInt(i -> i)).orElseThrow(), note);
    }
}
