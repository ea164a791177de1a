package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.Blocked;
import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Places pending copies: on running instances (a {@link ScheduleCopy} each), on requested instances (capacity
 * already coming: nothing to do), on just enough new instances ({@link RequestInstance}) while
 * MaxInstanceCount allows, and otherwise says why not ({@link Blocked}).
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
            Function<String, String> need) {
        Resources capacity = policy.instanceCapacity().allocatable();
        List<Item> items = new ArrayList<>();
        Map<String, List<Item>> neverFit = new TreeMap<>(NaturalOrder.INSTANCE);
        pending.stream().sorted(ItemOrder.largestFirst(capacity)).forEach(item -> {
            if (item.demand().fitsIn(capacity)) {
                items.add(item);
            } else {
                neverFit.computeIfAbsent(item.ic(), ic -> new ArrayList<>()).add(item);
            }
        });
        List<Host> existing = ledger.hosts.values().stream()
                .filter(h -> h.kind == Host.Kind.RUNNING || h.kind == Host.Kind.REQUESTED)
                .toList();
        int allowed = Math.max(0, policy.maxInstances() - ledger.active());
        Packing packing = Placer.place(items, existing, capacity, allowed, ledger::newInstanceId);

        List<Decision> decisions = new ArrayList<>();
        Map<String, Map<String, Integer>> seen = new HashMap<>();
        Map<String, List<Item>> unplaced = new TreeMap<>(NaturalOrder.INSTANCE);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Host host = packing.hostOf(i);
            if (host == null) {
                unplaced.computeIfAbsent(item.ic(), ic -> new ArrayList<>()).add(item);
                continue;
            }
            int before = seen.computeIfAbsent(host.id, id -> new HashMap<>()).merge(item.ic(), 1, Integer::sum)
                    - 1
                    + ledger.countBefore(host.id, item.ic());
            if (host.kind == Host.Kind.RUNNING) {
                decisions.add(new ScheduleCopy(
                        item.ic(),
                        item.copyId(),
                        host.id,
                        packing.devicesOf(i),
                        item.demand(),
                        item.replaces(),
                        why(item, host, before, packing.strategy, need)));
            }
        }
        List<Host> fresh = packing.hosts.stream()
                .filter(h -> h.kind == Host.Kind.NEW && h.copies() > 0)
                .toList();
        String request = requestWhy(items.size() - packing.placed(), packing, fresh.size(), ledger, policy);
        for (Host host : fresh) {
            decisions.add(new RequestInstance(host.id, request));
        }
        List<Host> running =
                packing.hosts.stream().filter(h -> h.kind == Host.Kind.RUNNING).toList();
        unplaced.forEach((ic, list) -> decisions.add(new Blocked(
                ic,
                Blockage.maxReached(
                        ic,
                        list.size() + beyond.getOrDefault(ic, 0),
                        list.getFirst().demand(),
                        running,
                        policy.maxInstances()))));
        neverFit.forEach((ic, list) -> decisions.add(new Blocked(
                ic,
                Blockage.neverFits(
                        ic,
                        list.size() + beyond.getOrDefault(ic, 0),
                        list.getFirst().demand(),
                        capacity))));
        return new Result(decisions, fresh.size(), running);
    }

    private static String why(Item item, Host host, int before, Strategy strategy, Function<String, String> need) {
        String where = before == 0
                ? "no other copy of " + item.ic() + " is there"
                : "beside another copy of " + item.ic() + ": no instance without one has room";
        String head = item.replaces()
                .map(original -> "moves " + original + " (make before break: " + original
                        + " is removed once this copy is loaded)")
                .orElseGet(() -> need.apply(item.ic()));
        return head + "; placed on " + host.id + " by " + strategy.label + ", " + where;
    }

    private static String requestWhy(int left, Packing packing, int fresh, Ledger ledger, PlacementPolicy policy) {
        Map<String, Integer> waiting = new TreeMap<>(NaturalOrder.INSTANCE);
        for (int i = 0; i < packing.items.size(); i++) {
            Host host = packing.hostOf(i);
            if (host != null && host.kind == Host.Kind.NEW) {
                waiting.merge(packing.items.get(i).ic(), 1, Integer::sum);
            }
        }
        int copies = waiting.values().stream().mapToInt(Integer::intValue).sum();
        return copies + (copies == 1 ? " copy" : " copies") + " ("
                + waiting.toString().replaceAll("[{}]", "")
                + ") fit no running or requested instance; they need " + fresh + " more of " + policy.maxInstances()
                + " allowed (" + ledger.active() + " running or requested)"
                + (left > 0 ? "; " + left + " more copies stay pending" : "");
    }
}
