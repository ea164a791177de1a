package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A trial of moving every live copy off one instance onto others, make before break, whole or not at all. A copy goes
 * only to an instance without a copy of its component (a move never costs availability), of any type its component
 * has a specification for, and a copy of a zone-balanced component only within its zone, so no balance moves. The
 * chosen instances ({@code others}, working copies) take what the copies need when the trial succeeds.
 */
final class Emptying {
    private Emptying() {}

    /**
     * The moves that empty {@code source}, or empty when a copy fits none of {@code others}.
     *
     * @param why the reason of the move of a copy (its id) to an instance (its id)
     */
    static Optional<List<ScheduleCopy>> of(
            Host source,
            List<Host> others,
            Ledger ledger,
            Map<String, IcTarget> targets,
            BiFunction<String, String, String> why) {
        List<FleetCopy> copies = live(source, ledger);
        List<Item> items = Item.movesOff(source, copies, targets);
        List<ScheduleCopy> moves = new ArrayList<>();
        for (Item item : items) {
            boolean balanced = item.scheduling().zoneBalance().isPresent();
            List<Host> allowed = others.stream()
                    .filter(h -> h.count(item.ic()) == 0)
                    .filter(h -> !balanced || h.zone.equals(source.zone))
                    .toList();
            int chosen = Strategy.BEST_FIT_SCARCE.choose(item, allowed);
            if (chosen < 0) {
                return Optional.empty();
            }
            Host target = allowed.get(chosen);
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
        return Optional.of(named);
    }

    /** Whether every copy on {@code host} serves: none loading, none leaving (only such an instance is emptied). */
    static boolean allServing(Host host, Ledger ledger) {
        return ledger.copies.values().stream()
                .filter(c -> c.instanceId().equals(host.id))
                .allMatch(c -> c.state() == FleetCopy.State.LOADED);
    }

    /** The copies on {@code host} that are not already leaving. */
    static List<FleetCopy> live(Host host, Ledger ledger) {
        return ledger.copies.values().stream()
                .filter(c -> c.instanceId().equals(host.id) && c.live())
                .toList();
    }
}
