package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A trial of moving every live copy off one instance onto others, make before break, whole or not at all. A copy goes
 * only to an instance without a copy of its component (a move never costs availability), of any type its component
 * has a specification for, and a copy of a zone-balanced component only within its zone, so no balance moves. The
 * trial works on copies of the candidate instances, made only once every copy fits one of them as they are (most
 * trials fail there, cheaply); a successful trial hands back those copies with what the moves took.
 */
final class Emptying {
    private Emptying() {}

    /** The moves that empty an instance, and the candidate instances as the moves leave them. */
    record Result(List<ScheduleCopy> moves, List<Host> hosts) {}

    /**
     * The moves that empty {@code source}, or empty when a copy fits none of {@code candidates} (left unchanged).
     *
     * @param why the reason of the move of a copy (its id) to an instance (its id)
     */
    static Optional<Result> of(
            Host source,
            List<Host> candidates,
            Ledger ledger,
            Map<String, IcTarget> targets,
            BiFunction<String, String, String> why) {
        List<Item> items = Item.movesOff(source, live(source, ledger), targets);
        if (!items.stream()
                .allMatch(item -> allowed(item, source, candidates).stream().anyMatch(h -> h.fits(item)))) {
            return Optional.empty();
        }
        // copy on write: a host is copied the first time a move takes from it
        List<Host> others = new ArrayList<>(candidates);
        Set<Host> copied = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ScheduleCopy> moves = new ArrayList<>();
        for (Item item : items) {
            List<Host> allowed = allowed(item, source, others);
            int chosen = Strategy.BEST_FIT_SCARCE.choose(item, allowed);
            if (chosen < 0) {
                return Optional.empty();
            }
            Host target = allowed.get(chosen);
            if (!copied.contains(target)) {
                Host copy = target.copy();
                others.set(others.indexOf(target), copy);
                copied.add(copy);
                target = copy;
            }
            List<Integer> devices = target.take(item);
            moves.add(new ScheduleCopy(
                    item.ic(),
                    "",
                    target.id,
                    devices,
                    item.on(target).orElseThrow(),
                    item.replaces(),
                    why.apply(item.copyId(), target.id)));
        }
        // ids are taken only once the whole instance is known to empty, so a failed trial wastes none
        List<ScheduleCopy> named = new ArrayList<>();
        for (ScheduleCopy move : moves) {
            named.add(new ScheduleCopy(
                    move.inferenceComponent(),
                    ledger.newCopyId(move.inferenceComponent()),
                    move.instanceId(),
                    move.deviceIndices(),
                    move.resources(),
                    move.replaces(),
                    move.why()));
        }
        return Optional.of(new Result(named, others));
    }

    /** The hosts a copy may move to: none holding a copy of its component, and for a zone-balanced one its zone. */
    private static List<Host> allowed(Item item, Host source, List<Host> hosts) {
        boolean balanced = item.scheduling().zoneBalance().isPresent();
        return hosts.stream()
                .filter(h -> h.count(item.ic()) == 0)
                .filter(h -> !balanced || h.zone.equals(source.zone))
                .toList();
    }

    /** Whether every copy on {@code host} serves: none loading, none leaving (only such an instance is emptied). */
    static boolean allServing(Host host, Ledger ledger) {
        return ledger.copiesOn(host.id).stream().allMatch(c -> c.state() == FleetCopy.State.LOADED);
    }

    /** The copies on {@code host} that are not already leaving. */
    static List<FleetCopy> live(Host host, Ledger ledger) {
        return ledger.copiesOn(host.id).stream().filter(FleetCopy::live).toList();
    }
}
