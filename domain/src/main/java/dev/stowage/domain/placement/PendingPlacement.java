package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.Blocked;
import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Places pending copies: on running instances (a {@link ScheduleCopy} each), on requested instances (capacity
 * already coming: nothing to do), on just enough new instances ({@link RequestInstance}) while MaxInstanceCount
 * allows, and otherwise says why not ({@link Blocked}). New instances come from the highest-priority pool the
 * provider is not short of whose type fits the copies: copies are grouped by that pool ({@link PoolGroups}) and each
 * group is packed in pool order onto the instances the groups before it left.
 */
final class PendingPlacement {
    /** The decisions, and the running hosts as they will be once the copies are scheduled. */
    record Result(List<Decision> decisions, int requested, List<Host> running) {}

    private PendingPlacement() {}

    /** {@code beyond}: copies of each component pending beyond {@code pending}, only counted (they cannot fit). */
    static Result place(
            List<Item> pending,
            Map<String, Integer> beyond,
            Ledger ledger,
            PlacementPolicy policy,
            NewZones zones,
            Function<String, String> need) {
        PoolGroups groups = PoolGroups.of(pending, policy);
        List<Host> hosts = ledger.hosts.values().stream()
                .filter(h -> h.kind == Host.Kind.RUNNING || h.kind == Host.Kind.REQUESTED)
                .toList();
        int allowed = Math.max(0, policy.maxInstances() - ledger.active());
        List<Decision> decisions = new ArrayList<>();
        Map<String, Map<String, Integer>> seen = new HashMap<>();
        Map<String, List<Item>> unplaced = new TreeMap<>(NaturalOrder.INSTANCE);
        Map<String, List<Item>> starved = new TreeMap<>(NaturalOrder.INSTANCE);
        int requested = 0;
        Set<String> asked = new HashSet<>();
        for (PoolGroups.Group group : groups.groups()) {
            int offset = requested;
            int allowedNew = group.pool().available() ? allowed - requested : 0;
            Packing packing = Placer.place(
                    group.items(),
                    hosts,
                    group.pool(),
                    allowedNew,
                    j -> ledger.newInstanceId(offset + j),
                    j -> zones.zone(offset + j));
            for (int i = 0; i < group.items().size(); i++) {
                Item item = group.items().get(i);
                Host host = packing.hostOf(i);
                if (host == null) {
                    (group.pool().available() ? unplaced : starved)
                            .computeIfAbsent(item.ic(), ic -> new ArrayList<>())
                            .add(item);
                    continue;
                }
                int before =
                        seen.computeIfAbsent(host.id, id -> new HashMap<>()).merge(item.ic(), 1, Integer::sum)
                                - 1
                                + ledger.countBefore(host.id, item.ic());
                if (host.kind == Host.Kind.RUNNING) {
                    decisions.add(new ScheduleCopy(
                            item.ic(),
                            item.copyId(),
                            host.id,
                            packing.devicesOf(i),
                            packing.resourcesOf(i),
                            item.replaces(),
                            why(item, host, before, packing.labelOf(i), need) + packing.noteOf(i)));
                }
            }
            List<Host> fresh = packing.hosts.stream()
                    .filter(h -> h.kind == Host.Kind.NEW && h.copies() > 0 && !asked.contains(h.id))
                    .toList();
            String request = RequestReason.of(
                    group.items().size() - packing.placed(), packing, fresh.size(), group.pool(), ledger, policy);
            for (Host host : fresh) {
                decisions.add(new RequestInstance(host.id, host.type, host.zone, request));
            }
            requested += fresh.size();
            fresh.forEach(h -> asked.add(h.id));
            hosts = packing.hosts.stream()
                    .filter(h -> h.kind != Host.Kind.NEW || h.copies() > 0)
                    .toList();
        }
        List<Host> running =
                hosts.stream().filter(h -> h.kind == Host.Kind.RUNNING).toList();
        List<Host> placedOn = hosts;
        unplaced.forEach((ic, list) -> decisions.add(new Blocked(
                ic,
                Blockage.zoneBalance(ic, list.size() + beyond.getOrDefault(ic, 0), list.getFirst(), placedOn, policy)
                        .orElseGet(() -> Blockage.maxReached(
                                ic,
                                list.size() + beyond.getOrDefault(ic, 0),
                                list.getFirst().demand(),
                                running,
                                policy.maxInstances())))));
        starved.forEach((ic, list) -> decisions.add(new Blocked(
                ic,
                Blockage.poolsShort(
                        ic,
                        list.size() + beyond.getOrDefault(ic, 0),
                        list.getFirst().demand(),
                        policy))));
        groups.neverFit()
                .forEach((ic, list) -> decisions.add(new Blocked(
                        ic,
                        Blockage.neverFits(
                                ic,
                                list.size() + beyond.getOrDefault(ic, 0),
                                list.getFirst().demand(),
                                policy))));
        return new Result(decisions, requested, running);
    }

    private static String why(Item item, Host host, int before, String label, Function<String, String> need) {
        String where = before == 0
                ? "no other copy of " + item.ic() + " is there"
                : "beside another copy of " + item.ic() + ": no instance without one has room";
        String head = item.replaces()
                .map(original -> "moves " + original + " (make before break: " + original
                        + " is removed once this copy is loaded)")
                .orElseGet(() -> need.apply(item.ic()));
        String zone = host.zone.isEmpty() ? "" : " (" + host.zone + ")";
        return head + "; placed on " + host.id + zone + " by " + label + ", " + where;
    }
}
