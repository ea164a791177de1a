package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.CopyDemand;
import dev.stowage.domain.placement.IcTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Components whose desired copy counts change window after window: what each copy needs, how long one takes to
 * load, and the desired counts of every window, the first {@code warmUp} windows not measured.
 */
record ChurnWorkload(
        String name,
        Map<String, CopyDemand> demands,
        Map<String, Duration> loadTimes,
        Duration window,
        int warmUp,
        List<Map<String, Integer>> desired) {

    ChurnWorkload {
        demands = Map.copyOf(demands);
        loadTimes = Map.copyOf(loadTimes);
        desired = List.copyOf(desired);
    }

    /** The load time of a copy by its devices: a CPU model loads fast, a model across 4 devices slowly. */
    static Duration loadTime(int devices) {
        return switch (devices) {
            case 0 -> Duration.ofMinutes(1);
            case 1 -> Duration.ofMinutes(3);
            case 2 -> Duration.ofMinutes(5);
            default -> Duration.ofMinutes(8);
        };
    }

    int windows() {
        return desired.size();
    }

    /** The placement targets of window {@code w}. */
    Map<String, IcTarget> targets(int w) {
        Map<String, IcTarget> targets = new LinkedHashMap<>();
        desired.get(w).forEach((ic, copies) -> targets.put(ic, new IcTarget(copies, demands.get(ic))));
        return targets;
    }

    /** Windows in which at least one component's desired count differs from the window before. */
    int windowsWithAChange() {
        int changed = 0;
        for (int w = 1; w < desired.size(); w++) {
            changed += desired.get(w).equals(desired.get(w - 1)) ? 0 : 1;
        }
        return changed;
    }

    /** Desired copy counts changed from one window to the next, summed over components. */
    int countChanges() {
        int changes = 0;
        for (int w = 1; w < desired.size(); w++) {
            Map<String, Integer> before = desired.get(w - 1);
            for (Map.Entry<String, Integer> e : desired.get(w).entrySet()) {
                changes += e.getValue().equals(before.get(e.getKey())) ? 0 : 1;
            }
        }
        return changes;
    }

    /** Mean desired copies and devices over the measured windows. */
    double[] meanCopiesAndDevices() {
        double copies = 0;
        double devices = 0;
        for (int w = warmUp; w < desired.size(); w++) {
            for (Map.Entry<String, Integer> e : desired.get(w).entrySet()) {
                copies += e.getValue();
                devices += e.getValue()
                        * demands.get(e.getKey())
                                .uniform()
                                .map(r -> r.devices())
                                .orElse(0);
            }
        }
        int n = desired.size() - warmUp;
        return new double[] {copies / n, devices / n};
    }
}
