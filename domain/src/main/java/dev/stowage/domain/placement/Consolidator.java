package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Empties a lightly used instance so it can be retired: when every copy on it fits on the other non-empty
 * running instances of its type, each on one without a copy of the same component (a move never costs availability), it
 * schedules replacements there, at most {@code budget} per round. The originals go once the replacements are
 * loaded ({@link Units}). Instances are tried least used first.
 */
final class Consolidator {
    private Consolidator() {}

    static List<ScheduleCopy> moves(Ledger ledger, int budget) {
        List<Host> occupied = ledger.hosts.values().stream()
                .filter(h -> h.kind == Host.Kind.RUNNING && h.copies() > 0)
                .toList();
        if (budget <= 0 || occupied.size() < 2) {
            return List.of();
        }
        List<Host> lightestFirst = occupied.stream()
                .sorted(Comparator.comparingDouble(Host::utilization).thenComparing(h -> h.id, NaturalOrder.INSTANCE))
                .toList();
        for (Host source : lightestFirst) {
            List<ScheduleCopy> moves = tryEmpty(source, occupied, ledger, budget);
            if (!moves.isEmpty()) {
                return moves;
            }
        }
        return List.of();
    }

    private static List<ScheduleCopy> tryEmpty(Host source, List<Host> occupied, Ledger ledger, int budget) {
        List<Item> items = Item.movesOff(
                source,
                ledger.copies.values().stream()
                        .filter(c -> c.instanceId().equals(source.id))
                        .toList());
        List<Host> targets = new ArrayList<>();
        for (Host host : occupied) {
            if (host != source) {
                targets.add(host.copy());
            }
        }
        List<ScheduleCopy> moves = new ArrayList<>();
        for (Item item : items) {
            List<Host> without =
                    targets.stream().filter(h -> h.count(item.ic()) == 0).toList();
            int chosen = Strategy.BEST_FIT_SCARCE.choose(item, without);
            if (chosen < 0) {
                return List.of();
            }
            Host target = without.get(chosen);
            List<Integer> devices = target.take(item);
            if (moves.size() < budget) {
                String original = item.copyId();
                moves.add(new ScheduleCopy(
                        item.ic(),
                        ledger.newCopyId(item.ic()),
                        target.id,
                        devices,
                        item.on(target).orElseThrow(),
                        item.replaces(),
                        "moves " + original + " off " + source.id + " so it can be retired: its " + source.copies()
                                + (source.copies() == 1 ? " copy fits" : " copies fit") + " on the other instances"
                                + " (make before break: " + original + " is removed once this copy is loaded)"));
            }
        }
        return moves;
    }
}
