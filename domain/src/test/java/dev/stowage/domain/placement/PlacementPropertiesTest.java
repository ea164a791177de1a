package dev.stowage.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.placement.Decision.Blocked;
import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Scenarios.Scenario;
import java.time.Duration;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of placement over random fleets driven round by round through a change of targets. */
class PlacementPropertiesTest {
    private static final int ROUNDS = 60;
    private static final Duration TICK = Duration.ofMinutes(4);

    @Property(tries = 150)
    void noDeviceOrResourceIsEverOverCommitted(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int max) {
        neverOverCommits(Scenarios.of(seed, max, true));
    }

    @Property(tries = 150)
    void noInstanceOfAnyPoolIsEverOverCommitted(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int max) {
        neverOverCommits(Scenarios.withPools(seed, max, true, true));
    }

    @Property(tries = 150)
    void aConvergedFleetOfSeveralPoolsYieldsNothing(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int max) {
        convergesToNothingLeftToDo(Scenarios.withPools(seed, max, true, true));
    }

    @Property(tries = 150)
    void noInstanceIsEverOverCommittedWhateverTheSchedulingAndZones(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int max, @ForAll boolean strict) {
        neverOverCommits(Scenarios.scheduled(seed, max, strict));
    }

    @Property(tries = 150)
    void aConvergedFleetWithSchedulingAndZonesYieldsNothing(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int max, @ForAll boolean strict) {
        convergesToNothingLeftToDo(Scenarios.scheduled(seed, max, strict));
    }

    @Property(tries = 150)
    void aStrictZoneBalanceIsNeverBrokenByAPlan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int max) {
        Scenario scenario = Scenarios.scheduled(seed, max, true);
        FleetView fleet = FleetView.EMPTY;
        for (int round = 0; round < ROUNDS; round++) {
            PlacementPolicy policy = policy(scenario, round);
            Map<String, IcTarget> targets = targets(scenario, round);
            Plan plan = Placement.plan(fleet, targets, policy);
            // Copies held for a booting instance count in its zone, so the bound is on fleets with none booting.
            boolean noneBooting = fleet.instances().stream().noneMatch(i -> i.state() == FleetInstance.State.REQUESTED)
                    && plan.only(RequestInstance.class).isEmpty();
            fleet = FleetSimulator.apply(fleet, plan, policy);
            if (noneBooting) {
                ZoneImbalance.assertNotRaisedBeyondBound(fleet, plan, targets);
            }
            fleet = FleetSimulator.settle(fleet, policy.now());
        }
    }

    @Property(tries = 150)
    void consolidationNeverTakesAComponentBelowItsDesiredServingCopies(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int max,
            @ForAll @IntRange(min = 1, max = 3) int step) {
        Scenario scenario = Scenarios.of(seed, max, true);
        ScaleIn consolidation = ScaleIn.of(ScaleIn.Strategy.CONSOLIDATION, step, Duration.ofMinutes(8));
        FleetView fleet = FleetView.EMPTY;
        java.time.Instant changed = Scenarios.T0;
        for (int round = 0; round < ROUNDS; round++) {
            PlacementPolicy policy = policy(scenario, round).scalingIn(consolidation.steppedAt(changed));
            Map<String, IcTarget> targets = targets(scenario, round);
            Plan plan = Placement.plan(fleet, targets, policy);
            FleetView after = FleetSimulator.apply(fleet, plan, policy);
            FleetSimulator.assertNoOvercommit(after);
            for (Map.Entry<String, IcTarget> target : targets.entrySet()) {
                long before = serving(fleet, target.getKey());
                assertThat(serving(after, target.getKey()))
                        .as("serving copies of %s in round %d", target.getKey(), round)
                        .isGreaterThanOrEqualTo(
                                Math.min(before, target.getValue().desiredCopies()));
            }
            if (!plan.isEmpty()) {
                changed = policy.now();
            }
            fleet = round % 3 != 2 ? FleetSimulator.settle(after, policy.now()) : after;
        }
    }

    private static long serving(FleetView fleet, String ic) {
        return fleet.copies().stream()
                .filter(c -> c.inferenceComponent().equals(ic) && c.state() == FleetCopy.State.LOADED)
                .count();
    }

    @Property(tries = 100)
    void newInstancesComeFromTheFirstPoolThatIsNotShortAndFitsTheirCopies(@ForAll long seed) {
        Scenario scenario = Scenarios.withPools(seed, 1_000, false, true);
        PlacementPolicy policy = policy(scenario, 0);
        Plan plan = Placement.plan(FleetView.EMPTY, scenario.before(), policy);
        InstancePool first = policy.pools().getFirst();
        boolean firstTakesSome =
                scenario.before().values().stream().anyMatch(t -> t.desiredCopies() > 0 && first.fits(t.demand()));
        if (first.available()) {
            assertThat(plan.only(RequestInstance.class))
                    .as("asks for the first pool when its copies fit it")
                    .matches(requests -> !firstTakesSome
                            || requests.stream().anyMatch(r -> r.instanceType().equals(first.instanceType())));
        } else {
            assertThat(plan.only(RequestInstance.class))
                    .as("never asks for a pool the provider is short of")
                    .noneMatch(r -> r.instanceType().equals(first.instanceType()));
        }
    }

    @Property(tries = 100)
    void thePlanIsDeterministic(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int max) {
        Scenario scenario = Scenarios.of(seed, max, true);
        FleetView fleet = FleetView.EMPTY;
        for (int round = 0; round < 30; round++) {
            PlacementPolicy policy = policy(scenario, round);
            Map<String, IcTarget> targets = targets(scenario, round);
            Plan plan = Placement.plan(fleet, targets, policy);
            assertThat(Placement.plan(Scenarios.shuffled(fleet, seed + round), Scenarios.reordered(targets), policy))
                    .isEqualTo(plan);
            fleet = FleetSimulator.apply(fleet, plan, policy);
            if (round % 2 == 0) {
                fleet = FleetSimulator.settle(fleet, policy.now());
            }
        }
    }

    @Property(tries = 150)
    void applyingPlansConvergesToAFleetWithNothingLeftToDo(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int max) {
        convergesToNothingLeftToDo(Scenarios.of(seed, max, true));
    }

    @Property(tries = 150)
    void desiredCopiesAreReachedWheneverCapacityAllows(@ForAll long seed) {
        Scenario scenario = Scenarios.of(seed, 1_000, false);
        FleetView fleet = drive(scenario);

        assertThat(Placement.plan(fleet, scenario.after(), policy(scenario, ROUNDS))
                        .isEmpty())
                .isTrue();
        scenario.after().forEach((ic, target) -> assertThat(fleet.copies().stream()
                        .filter(c -> c.inferenceComponent().equals(ic))
                        .count())
                .as(ic)
                .isEqualTo(target.desiredCopies()));
        assertThat(fleet.instances().size())
                .as("no idle instance beyond the minimum")
                .isLessThanOrEqualTo(Math.max(scenario.policy().minInstances(), occupied(fleet)));
    }

    /** Round after round, no instance holds more than it offers, and every copy holds its type's demand. */
    private static void neverOverCommits(Scenario scenario) {
        FleetView fleet = FleetView.EMPTY;
        for (int round = 0; round < ROUNDS; round++) {
            PlacementPolicy policy = policy(scenario, round);
            Plan plan = Placement.plan(fleet, targets(scenario, round), policy);
            fleet = FleetSimulator.apply(fleet, plan, policy);
            FleetSimulator.assertNoOvercommit(fleet);
            FleetSimulator.assertEachCopyFitsItsType(fleet, targets(scenario, round));
            if (round % 3 != 2) {
                fleet = FleetSimulator.settle(fleet, policy.now());
            }
        }
    }

    /** Driven to the end, only Blocked remains, and applying it changes nothing. */
    private static void convergesToNothingLeftToDo(Scenario scenario) {
        FleetView fleet = drive(scenario);
        PlacementPolicy later = policy(scenario, ROUNDS);
        Plan last = Placement.plan(fleet, scenario.after(), later);
        assertThat(last.decisions()).as("only Blocked remains").allMatch(Blocked.class::isInstance);
        assertThat(Placement.plan(
                        FleetSimulator.apply(fleet, last, later),
                        scenario.after(),
                        later.at(later.now().plus(TICK))))
                .isEqualTo(last);
    }

    private static FleetView drive(Scenario scenario) {
        FleetView fleet = FleetView.EMPTY;
        for (int round = 0; round < ROUNDS; round++) {
            PlacementPolicy policy = policy(scenario, round);
            Plan plan = Placement.plan(fleet, targets(scenario, round), policy);
            fleet = FleetSimulator.settle(FleetSimulator.apply(fleet, plan, policy), policy.now());
        }
        return fleet;
    }

    private static int occupied(FleetView fleet) {
        return fleet.instances().stream()
                .filter(i ->
                        fleet.copies().stream().anyMatch(c -> c.instanceId().equals(i.instanceId())))
                .mapToInt(i -> 1)
                .sum();
    }

    private static Map<String, IcTarget> targets(Scenario scenario, int round) {
        return round < ROUNDS / 3 ? scenario.before() : scenario.after();
    }

    private static PlacementPolicy policy(Scenario scenario, int round) {
        return scenario.policy().at(Scenarios.T0.plus(TICK.multipliedBy(round)));
    }
}
