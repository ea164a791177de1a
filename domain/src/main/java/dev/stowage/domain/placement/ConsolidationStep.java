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
 * One step of the CONSOLIDATION scale-in policy: empties up to {@code MaximumStepSize} lightly used instances by
 * moving every copy on each onto the other occupied running instances, make before break ({@link Emptying}). A copy
 * moves only to an instance of its own pool or a higher-priority one, so the fleet never drifts to a pool the owner
 * ranked lower. The instances whose idle share costs the most (price × unused share) go first, then those of
 * lower-priority pools, then the least used (with one price, the least used first). A step runs only on a settled
 * fleet and waits for the cool-down after the last step. An instance is emptied only when reloading its copies
 * (they load at once, so the longest of their components' load times) costs no more instance-time than releasing it
 * saves over the cool-down window; at least MinInstanceCount instances stay.
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
                .sorted(firstToEmpty(policy))
                .forEach(h -> working.put(h.id, h.copy()));
        List<ScheduleCopy> moves = new ArrayList<>();
        Set<String> emptied = new HashSet<>();
        for (String id : List.copyOf(working.keySet())) {
            Host source = working.get(id);
            if (emptied.size() == step) {
                break;
            }
            if (emptied.contains(id)
                    || source.copies() == 0
                    || !Emptying.allServing(source, ledger)
                    || !worthIt(source, ledger, scaleIn)) {
                continue;
            }
            int rank = policy.rank(source.type);
            List<Host> others = working.values().stream()
                    .filter(h -> !h.id.equals(id) && !emptied.contains(h.id) && policy.rank(h.type) <= rank)
                    .toList();
            String why = why(source, ledger, scaleIn);
            Optional<Emptying.Result> emptying = Emptying.of(
                    source,
                    others,
                    ledger,
                    targets,
                    (copy, to) -> ScaleIn.STEP + " (instance " + (emptied.size() + 1) + " of at most " + step
                            + "): moves " + copy + " off " + source.id + why + " (make before break: "
                            + copy + " is removed once this copy is loaded)");
            if (emptying.isPresent()) {
                emptied.add(id);
                moves.addAll(emptying.get().moves());
                emptying.get().hosts().forEach(h -> working.put(h.id, h));
            }
        }
        return moves;
    }

    /** The most expensive idle share first (price × unused share), then lower-priority pools, then the least used. */
    private static Comparator<Host> firstToEmpty(PlacementPolicy policy) {
        return Comparator.<Host>comparingDouble(h -> -policy.price(h.type) * (1 - h.utilization()))
                .thenComparingInt(h -> -policy.rank(h.type))
                .thenComparingDouble(Host::utilization)
                .thenComparing(h -> h.id, NaturalOrder.INSTANCE);
    }

    private static String why(Host source, Ledger ledger, ScaleIn scaleIn) {
        return " so it can be released: its " + source.copies()
                + (source.copies() == 1 ? " copy fits" : " copies fit")
                + " on the other instances; reloading costs " + reloadCost(source, ledger, scaleIn)
                + " of load time, no more than the " + scaleIn.cooldown()
                + " of instance-time saved over the cool-down";
    }

    /** Reloading the copies on {@code source} costs no more than releasing it saves over the cool-down window. */
    private static boolean worthIt(Host source, Ledger ledger, ScaleIn scaleIn) {
        return !reloadCost(source, ledger, scaleIn).minus(scaleIn.cooldown()).isPositive();
    }

    /**
     * The instance-time a move costs: the source stays up until the last of its copies has loaded elsewhere, and they
     * load at once, each on its own target, so the longest load.
     */
    private static Duration reloadCost(Host source, Ledger ledger, ScaleIn scaleIn) {
        return Emptying.live(source, ledger).stream()
                .map(c -> scaleIn.loadTime(c.inferenceComponent()))
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }
}
