package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.Decision;
import dev.stowage.domain.placement.Decision.RemoveCopy;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import dev.stowage.domain.placement.FleetCopy;
import dev.stowage.domain.placement.FleetInstance;
import dev.stowage.domain.placement.FleetView;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.Placement;
import dev.stowage.domain.placement.PlacementPolicy;
import dev.stowage.domain.placement.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three rounds the decision-time figures time, built for any fleet: (a) the converged fleet, (b) a round
 * placing 100 new copies, (c) a round after 10 instances were lost.
 */
record Rounds(String name, FleetView converged, Map<String, IcTarget> targets, PlacementPolicy policy) {
    private static final int MAX_ROUNDS = 20;

    /** The fleet the targets converge to on {@code instances}, scheduling and removing copies round after round. */
    static Rounds converge(
            String name, List<FleetInstance> instances, Map<String, IcTarget> targets, PlacementPolicy policy) {
        FleetView fleet = new FleetView(instances, List.of());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Plan plan = Placement.plan(fleet, targets, policy);
            if (plan.isEmpty()) {
                return new Rounds(name, fleet, targets, policy);
            }
            fleet = apply(fleet, plan);
        }
        throw new AssertionError(name + ": not converged after " + MAX_ROUNDS + " rounds: "
                + Placement.plan(fleet, targets, policy).decisions().stream()
                        .limit(3)
                        .toList());
    }

    /** The copies scheduled land loaded, the copies removed are gone; anything else is not expected. */
    private static FleetView apply(FleetView fleet, Plan plan) {
        List<FleetCopy> copies = new ArrayList<>(fleet.copies());
        Set<String> removed = new HashSet<>();
        for (Decision decision : plan.decisions()) {
            if (decision instanceof ScheduleCopy s) {
                copies.add(PackingBenchmark.loaded(s));
                s.replaces().ifPresent(removed::add);
            } else if (decision instanceof RemoveCopy r) {
                removed.add(r.copyId());
            } else {
                throw new AssertionError("unexpected while converging: " + decision);
            }
        }
        copies.removeIf(c -> removed.contains(c.copyId()));
        return new FleetView(fleet.instances(), copies);
    }

    /** Devices held by copies over devices of the fleet, for example {@code 1,080/1,360}. */
    String deviceUse() {
        int held = converged.copies().stream()
                .mapToInt(c -> c.resources().devices())
                .sum();
        int all = converged.instances().stream()
                .mapToInt(i -> i.capacity().deviceCount())
                .sum();
        return held + "/" + all;
    }

    int copies() {
        return converged.copies().size();
    }

    /**
     * The fleet converged on the targets with one copy fewer for each of the first {@code fewer} components: the
     * round from it to the targets places {@code fewer} new copies.
     */
    FleetView before(int fewer) {
        Map<String, IcTarget> less = new LinkedHashMap<>();
        int left = fewer;
        for (Map.Entry<String, IcTarget> e : targets.entrySet()) {
            IcTarget t = e.getValue();
            less.put(e.getKey(), left-- > 0 ? new IcTarget(t.desiredCopies() - 1, t.demand(), t.scheduling()) : t);
        }
        if (left > 0) {
            throw new IllegalStateException("fewer than " + fewer + " components");
        }
        return converge(name, converged.instances(), less, policy).converged();
    }

    /** The converged fleet without every {@code step}-th instance (and the copies it hosted), {@code lost} of them. */
    FleetView withoutInstances(int lost, int step) {
        Set<String> gone = new HashSet<>();
        List<FleetInstance> kept = new ArrayList<>();
        List<FleetInstance> all = converged.instances();
        for (int i = 0; i < all.size(); i++) {
            if (gone.size() < lost && i % step == step - 1) {
                gone.add(all.get(i).instanceId());
            } else {
                kept.add(all.get(i));
            }
        }
        return new FleetView(
                kept,
                converged.copies().stream()
                        .filter(c -> !gone.contains(c.instanceId()))
                        .toList());
    }
}
