package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.RemoveCopy;
import dev.stowage.domain.placement.Decision.RequestInstance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Placement and managed instance scaling as one pure, deterministic function (DESIGN §4). One call is one round:
 * it finishes moves whose replacements are loaded, removes copies of components that are gone or over their
 * desired count, places pending copies (requesting just enough instances, or saying why it cannot), keeps
 * MinInstanceCount, applies the variant's ScaleInPolicy when the fleet is otherwise settled (consolidating lightly
 * used instances, or bringing copies back to a higher-priority pool), and retires idle instances. The same inputs always give an equal plan; a converged fleet gives an empty one.
 */
public final class Placement {
    private Placement() {}

    public static Plan plan(FleetView fleet, Map<String, IcTarget> targets, PlacementPolicy policy) {
        Ledger ledger = Ledger.of(fleet);
        Map<String, IcTarget> sorted = new TreeMap<>(NaturalOrder.INSTANCE);
        sorted.putAll(targets);
        List<Decision> decisions = new ArrayList<>();
        for (FleetCopy orphan : ledger.orphans) {
            if (orphan.live()) {
                decisions.add(new RemoveCopy(orphan.copyId(), orphan.instanceId() + " is no longer in the fleet"));
            }
        }
        Units units = Units.of(ledger);
        decisions.addAll(units.finished);
        units.byIc.forEach((ic, list) -> {
            if (!sorted.containsKey(ic)) {
                for (Unit unit : list) {
                    decisions.add(new RemoveCopy(unit.primary().copyId(), ic + " is gone"));
                    unit.replacement().ifPresent(r -> decisions.add(new RemoveCopy(r.copyId(), ic + " is gone")));
                }
            }
        });
        Set<String> leaving = new HashSet<>();
        sorted.forEach((ic, target) -> ScaleDown.remove(ic, units.of(ic), target.desiredCopies(), ledger)
                .forEach(removal -> {
                    decisions.add(removal);
                    leaving.add(removal.copyId());
                }));

        Map<String, Integer> beyond = new TreeMap<>(NaturalOrder.INSTANCE);
        List<Item> pending = pending(sorted, units, ledger, leaving, policy, beyond);
        NewZones zones = NewZones.of(policy, ledger);
        PendingPlacement.Result placed =
                PendingPlacement.place(pending, beyond, ledger, policy, zones, ic -> need(ic, sorted, units));
        decisions.addAll(placed.decisions());
        int active = ledger.active() + placed.requested();
        Optional<InstancePool> minPool = policy.firstAvailable();
        for (int j = placed.requested(); active < policy.minInstances() && minPool.isPresent(); j++, active++) {
            decisions.add(new RequestInstance(
                    ledger.newInstanceId(j),
                    minPool.get().instanceType(),
                    zones.zone(j),
                    "keeps MinInstanceCount " + policy.minInstances() + " instances"
                            + RequestReason.which(minPool.get(), policy)));
        }
        if (decisions.isEmpty() && settledFor(policy.scaleIn().strategy(), fleet)) {
            List<Decision> scaleIn = scaleIn(ledger, sorted, active, policy);
            active += (int)
                    scaleIn.stream().filter(RequestInstance.class::isInstance).count();
            decisions.addAll(scaleIn);
        }
        Set<String> targeted = targeted(decisions);
        List<Decision.DrainInstance> drains =
                MovedOff.drains(ledger, units.finished, decisions, targeted, active, policy);
        decisions.addAll(drains);
        active -= drains.size();
        decisions.addAll(Retirement.retire(ledger, placed.running(), active, targeted, policy));
        return new Plan(decisions);
    }

    /** What the variant's ScaleInPolicy does on a settled fleet with nothing else to do. */
    private static List<Decision> scaleIn(
            Ledger ledger, Map<String, IcTarget> targets, int active, PlacementPolicy policy) {
        return switch (policy.scaleIn().strategy()) {
            case DEFAULT ->
                active > policy.minInstances()
                        ? List.copyOf(
                                zoneKeeping(Consolidator.moves(ledger, policy.maxMovesPerRound()), ledger, targets))
                        : List.of();
            case IDLE_RELEASE -> List.of();
            case CONSOLIDATION -> {
                List<Decision> decisions = new ArrayList<>(PoolReturn.moveBack(ledger, targets, policy));
                if (decisions.isEmpty()) {
                    decisions.addAll(ConsolidationStep.moves(ledger, targets, active, policy));
                }
                if (decisions.isEmpty()) {
                    decisions.addAll(PoolReturn.ask(ledger, targets, active, policy));
                }
                yield decisions;
            }
        };
    }

    /** The instances this plan schedules copies on: none of them is idle, whatever it hosted before. */
    private static Set<String> targeted(List<Decision> decisions) {
        Set<String> targeted = new HashSet<>();
        decisions.forEach(d -> {
            if (d instanceof Decision.ScheduleCopy schedule) {
                targeted.add(schedule.instanceId());
            }
        });
        return targeted;
    }

    /**
     * The copies to place this round: the missing copies of each component, and the evacuees of draining instances
     * up to the move budget. Missing copies beyond what the fleet could ever hold at MaxInstanceCount, less one to
     * say why, are only counted (into {@code beyond}), never materialised: a component wanting millions of copies
     * costs a round no more than one wanting a full fleet.
     */
    private static List<Item> pending(
            Map<String, IcTarget> targets,
            Units units,
            Ledger ledger,
            Set<String> leaving,
            PlacementPolicy policy,
            Map<String, Integer> beyond) {
        List<Item> items = new ArrayList<>();
        targets.forEach((ic, target) -> {
            int missing = target.desiredCopies() - units.of(ic).size();
            long room = mostPerInstance(target.demand(), policy) * policy.maxInstances() + 1;
            int considered = (int) Math.max(0, Math.min(missing, room));
            for (int n = 0; n < considered; n++) {
                items.add(new Item(ic, ledger.newCopyId(ic), target.demand(), Optional.empty(), target.scheduling()));
            }
            if (missing > considered) {
                beyond.put(ic, missing - considered);
            }
        });
        int moveBudget = policy.maxMovesPerRound();
        int moves = 0;
        for (List<Unit> list : units.byIc.values()) {
            for (Unit unit : list) {
                FleetCopy copy = unit.primary();
                boolean evacuate = ledger.state(copy.instanceId()) == FleetInstance.State.DRAINING
                        && unit.replacement().isEmpty()
                        && targets.containsKey(copy.inferenceComponent())
                        && !leaving.contains(copy.copyId());
                if (evacuate && moves < moveBudget) {
                    moves++;
                    String ic = copy.inferenceComponent();
                    IcTarget target = targets.get(ic);
                    items.add(new Item(
                            ic,
                            ledger.newCopyId(ic),
                            target.demand(),
                            Optional.of(copy.copyId()),
                            target.scheduling()));
                }
            }
        }
        return items;
    }

    /** The most copies of {@code demand} one instance of any pool holds. */
    private static long mostPerInstance(CopyDemand demand, PlacementPolicy policy) {
        long most = 0;
        for (InstancePool pool : policy.pools()) {
            most = Math.max(
                    most,
                    demand.on(pool.instanceType())
                            .map(d -> d.countIn(pool.capacity().allocatable()))
                            .orElse(0L));
        }
        return most;
    }

    private static String need(String ic, Map<String, IcTarget> targets, Units units) {
        int desired = targets.get(ic).desiredCopies();
        return ic + " wants " + desired + (desired == 1 ? " copy" : " copies") + ", has "
                + units.of(ic).size();
    }

    /** Consolidation knows no zones yet: it is left out when it would move a zone-balanced copy to another zone. */
    private static List<Decision.ScheduleCopy> zoneKeeping(
            List<Decision.ScheduleCopy> moves, Ledger ledger, Map<String, IcTarget> targets) {
        boolean crosses = moves.stream().anyMatch(move -> {
            IcTarget target = targets.get(move.inferenceComponent());
            String from = move.replaces()
                    .map(original ->
                            ledger.hosts.get(ledger.copies.get(original).instanceId()).zone)
                    .orElse("");
            return target != null
                    && target.scheduling().zoneBalance().isPresent()
                    && !ledger.hosts.get(move.instanceId()).zone.equals(from);
        });
        return crosses ? List.of() : moves;
    }

    /**
     * Whether the ScaleInPolicy may act: with none, only on a fleet with nothing under way (ADR 26); CONSOLIDATION
     * whenever no move is under way and no instance comes or goes, as copies loading or leaving elsewhere (a scale-out,
     * a scale-in) never make a move unsafe: a step only empties instances whose copies all serve, and an original
     * goes only once its replacement serves (ADR 28).
     */
    private static boolean settledFor(ScaleIn.Strategy strategy, FleetView fleet) {
        if (strategy != ScaleIn.Strategy.CONSOLIDATION) {
            return settled(fleet);
        }
        return fleet.instances().stream().allMatch(i -> i.state() == FleetInstance.State.RUNNING)
                && fleet.copies().stream()
                        .noneMatch(c -> c.replaces().isPresent() && c.state() == FleetCopy.State.SCHEDULED);
    }

    /** Nothing under way: no copy starting or stopping, no instance coming or going. */
    private static boolean settled(FleetView fleet) {
        return fleet.copies().stream().allMatch(c -> c.state() == FleetCopy.State.LOADED)
                && fleet.instances().stream().allMatch(i -> i.state() == FleetInstance.State.RUNNING);
    }
}
