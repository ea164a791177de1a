package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Under CONSOLIDATION, brings copies that fell back to a lower-priority pool back to a higher one once it can be had
 * again. Two decisions, each on a settled fleet:
 *
 * <ul>
 *   <li><b>move back</b>: when every copy on an instance of a lower pool fits on running instances of higher pools
 *       (an empty one among them), they move there, make before break ({@link Emptying}), and the emptied instance is
 *       released as any idle one; this needs no cool-down, as it only ever moves copies up, and comes before any
 *       consolidation step;
 *   <li><b>ask</b>: when a consolidation step has nothing to do, once the cool-down has passed since the fleet last
 *       changed, when a higher pool is no
 *       longer short (its shortage has expired) and one of its instances would hold every copy of a lower-pool
 *       instance, one such instance is requested in that instance's zone; if its launch fails for capacity the pool
 *       is short again and nothing else changes.
 * </ul>
 *
 * Instances of the lowest pool go first. Moves only ever go up the priority order, so the fleet cannot oscillate.
 */
final class PoolReturn {
    private PoolReturn() {}

    /** The moves that bring every copy of one lower-pool instance back up, when an empty higher one is running. */
    static List<ScheduleCopy> moveBack(Ledger ledger, Map<String, IcTarget> targets, PlacementPolicy policy) {
        for (Host source : fallen(ledger, policy)) {
            Optional<Emptying.Result> back = moveBack(source, ledger, targets, policy);
            if (back.isPresent()) {
                return back.get().moves();
            }
        }
        return List.of();
    }

    /** One instance of a higher pool that can be had again and would hold every copy of a lower-pool instance. */
    static List<RequestInstance> ask(Ledger ledger, Map<String, IcTarget> targets, int active, PlacementPolicy policy) {
        if (active >= policy.maxInstances() || !policy.scaleIn().quiet(policy.now())) {
            return List.of();
        }
        for (Host source : fallen(ledger, policy)) {
            Optional<RequestInstance> ask = ask(source, ledger, targets, policy);
            if (ask.isPresent()) {
                return List.of(ask.get());
            }
        }
        return List.of();
    }

    /** The running instances of lower pools that host copies, the lowest pool first, then the least used. */
    private static List<Host> fallen(Ledger ledger, PlacementPolicy policy) {
        return ledger.hosts.values().stream()
                .filter(h -> h.kind == Host.Kind.RUNNING && h.copies() > 0 && policy.rank(h.type) > 0)
                .filter(h -> Emptying.allServing(h, ledger))
                .sorted(Comparator.<Host>comparingInt(h -> -policy.rank(h.type))
                        .thenComparingDouble(Host::utilization)
                        .thenComparing(h -> h.id, NaturalOrder.INSTANCE))
                .toList();
    }

    private static Optional<Emptying.Result> moveBack(
            Host source, Ledger ledger, Map<String, IcTarget> targets, PlacementPolicy policy) {
        int rank = policy.rank(source.type);
        List<Host> higher = ledger.hosts.values().stream()
                .filter(h -> h.kind == Host.Kind.RUNNING && policy.rank(h.type) < rank)
                .toList();
        if (higher.stream().noneMatch(h -> h.copies() == 0)) {
            return Optional.empty();
        }
        return Emptying.of(
                source,
                higher,
                ledger,
                targets,
                (copy, to) -> "moves " + copy + " off " + source.id + " (" + source.type + ", pool " + (rank + 1)
                        + ") back to " + to + " (" + ledger.hosts.get(to).type + ", pool "
                        + (policy.rank(ledger.hosts.get(to).type) + 1) + "): a higher-priority pool can hold every"
                        + " copy of " + source.id + ", which is released once they are loaded there (make before"
                        + " break: " + copy + " is removed once this copy is loaded)");
    }

    private static Optional<RequestInstance> ask(
            Host source, Ledger ledger, Map<String, IcTarget> targets, PlacementPolicy policy) {
        int rank = policy.rank(source.type);
        for (InstancePool pool : policy.pools().subList(0, rank)) {
            if (!pool.available()) {
                continue;
            }
            Host fresh = new Host(
                    ledger.newInstanceId(0),
                    Host.Kind.NEW,
                    pool.instanceType(),
                    source.zone,
                    pool.capacity().allocatable());
            if (holdsAll(fresh, Item.movesOff(source, Emptying.live(source, ledger), targets))) {
                return Optional.of(new RequestInstance(
                        fresh.id,
                        pool.instanceType(),
                        source.zone,
                        "CONSOLIDATION returns to a higher-priority pool: " + pool.instanceType() + " (priority "
                                + (policy.rank(pool.instanceType()) + 1) + ") can be asked again, and one instance of"
                                + " it holds the " + source.copies() + (source.copies() == 1 ? " copy" : " copies")
                                + " of " + source.id + " (" + source.type + ", priority " + (rank + 1)
                                + "); once it runs they move onto it and " + source.id + " is released"));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code host} takes every item, no two of one component (as a move would place them). */
    private static boolean holdsAll(Host host, List<Item> items) {
        for (Item item : items) {
            if (host.count(item.ic()) > 0 || !host.fits(item)) {
                return false;
            }
            host.take(item);
        }
        return true;
    }
}
