package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One step of the CONSOLIDATION scale-in policy: empties up to {@code MaximumStepSize} lightly used instances, least
 * used first, by moving every copy on each onto the other occupied running instances of its type, make before break.
 * A step waits for the cool-down after the fleet last changed. A copy goes only to an instance without a copy of its
 * component, and a copy of a zone-balanced component only within its zone, so no balance moves. An instance is
 * emptied only when reloading its copies (their components' load times, summed) costs no more instance-time than
 * releasing it saves over the cool-down window; at least MinInstanceCount instances stay.
 */
final class ConsolidationStep {
    private ConsolidationStep() {}

    static List<ScheduleCopy> moves(Ledger ledger, Map<String, IcTarget> targets, int active, PlacementPolicy policy) {
        ScaleIn scaleIn = policy.scaleIn();
        int step = Math.min(scaleIn.maxStepSize(), active - policy.minInstances());
        if (step <= 0 || !scaleIn.quiet(policy.now())) {
            return List.of();
        }
        Map<String, Host> working = new LinkedHashMap<>();
        ledger.hosts.values().stream()
                .filter(h -> h.kind == Host.Kind.RUNNING && h.copies() > 0)
                .sorted(Comparator.comparingDouble(Host::utilization).thenComparing(h -> h.id, NaturalOrder.INSTANCE))
                .forEach(h -> working.put(h.id, h.copy()));
        List<ScheduleCopy> moves = new ArrayList<>();
        Set<String> emptied = new HashSet<>();
        for (String id : List.copyOf(working.keySet())) {
            Host source = working.get(id);
            if (emptied.size() == step) {
                break;
            }
            if (emptied.contains(id) || source.copies() == 0 || !worthIt(source, ledger, scaleIn)) {
                continue;
            }
            List<Host> others = working.values().stream()
                    .filter(h -> !h.id.equals(id) && !emptied.contains(h.id))
                    .map(Host::copy)
                    .toList();
            Optional<List<ScheduleCopy>> emptying =
                    tryEmpty(source, others, ledger, targets, scaleIn, emptied.size() + 1, step);
            if (emptying.isPresent()) {
                emptied.add(id);
                moves.addAll(emptying.get());
                others.forEach(h -> working.put(h.id, h));
            }
        }
        return moves;
    }

    /** Reloading the copies on {@code source} costs no more than releasing it saves over the cool-down window. */
    private static boolean worthIt(Host source, Ledger ledger, ScaleIn scaleIn) {
        return !reloadCost(source, ledger, scaleIn).minus(scaleIn.cooldown()).isPositive();
    }

    private static Duration reloadCost(Host source, Ledger ledger, ScaleIn scaleIn) {
        return ledger.copies.values().stream()
                .filter(c -> c.instanceId().equals(source.id) && c.live())
                .map(c -> scaleIn.loadTime(c.inferenceComponent()))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Optional<List<ScheduleCopy>> tryEmpty(
            Host source,
            List<Host> others,
            Ledger ledger,
            Map<String, IcTarget> targets,
            ScaleIn scaleIn,
            int nth,
            int step) {
        List<FleetCopy> copies = ledger.copies.values().stream()
                .filter(c -> c.instanceId().equals(source.id) && c.live())
                .toList();
        List<Item> items = Item.movesOff(source, copies);
        Duration cost = reloadCost(source, ledger, scaleIn);
        List<ScheduleCopy> moves = new ArrayList<>();
        List<String> pendingIds = new ArrayList<>();
        for (Item item : items) {
            boolean balanced = Optional.ofNullable(targets.get(item.ic()))
                    .map(t -> t.scheduling().zoneBalance().isPresent())
                    .orElse(false);
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
            pendingIds.add(item.copyId());
            moves.add(new ScheduleCopy(
                    item.ic(),
                    "",
                    target.id,
                    devices,
                    item.on(target).orElseThrow(),
                    item.replaces(),
                    "CONSOLIDATION step (instance " + nth + " of at most " + step + "): moves " + item.copyId()
                            + " off " + source.id + " so it can be released: its " + source.copies()
                            + (source.copies() == 1 ? " copy fits" : " copies fit")
                            + " on the other instances; reloading costs " + cost + " of load time, no more than the "
                            + scaleIn.cooldown() + " of instance-time saved over the cool-down"
                            + " (make before break: " + item.copyId() + " is removed once this copy is loaded)"));
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
}
