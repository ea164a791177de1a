package dev.stowage.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.placement.Decision.Blocked;
import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Scenarios.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * CONSOLIDATION over two pools and up to three zones, with scheduling preferences and zone balances: the provider is
 * short of the first pool for the first half of the rounds, so copies fall back to the second, and then it is not,
 * so they may return. Round after round nothing is over-committed, no component falls below its desired serving
 * copies, no strict zone balance is raised beyond its bound, and the fleet converges to a plan with nothing to do.
 */
class ConsolidationPropertiesTest {
    private static final int ROUNDS = 80;
    private static final Duration TICK = Duration.ofMinutes(4);

    @Property(tries = 150)
    void movesAcrossPoolsAndZonesKeepEveryInvariant(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int max,
            @ForAll @IntRange(min = 1, max = 3) int step,
            @ForAll boolean strict) {
        Scenario scenario = Scenarios.scheduled(seed, max, strict);
        ScaleIn consolidation = ScaleIn.of(ScaleIn.Strategy.CONSOLIDATION, step, Duration.ofMinutes(8));
        FleetView fleet = FleetView.EMPTY;
        Instant changed = Scenarios.T0;
        for (int round = 0; round < ROUNDS; round++) {
            PlacementPolicy policy = policy(scenario, round).scalingIn(consolidation.steppedAt(changed));
            Map<String, IcTarget> targets = targets(scenario, round);
            Plan plan = Placement.plan(fleet, targets, policy);
            FleetView after = FleetSimulator.apply(fleet, plan, policy);
            FleetSimulator.assertNoOvercommit(after);
            FleetSimulator.assertEachCopyFitsItsType(after, targets);
            for (Map.Entry<String, IcTarget> target : targets.entrySet()) {
                assertThat(serving(after, target.getKey()))
                        .as("serving copies of %s in round %d", target.getKey(), round)
                        .isGreaterThanOrEqualTo(Math.min(
                                serving(fleet, target.getKey()),
                                target.getValue().desiredCopies()));
            }
            boolean noneBooting = fleet.instances().stream().noneMatch(i -> i.state() == FleetInstance.State.REQUESTED)
                    && plan.only(RequestInstance.class).isEmpty();
            if (strict && noneBooting) {
                ZoneImbalance.assertNotRaisedBeyondBound(after, plan, targets);
            }
            if (!plan.isEmpty()) {
                changed = policy.now();
            }
            fleet = round % 3 != 2 ? FleetSimulator.settle(after, policy.now()) : after;
        }
        for (int round = ROUNDS; round < ROUNDS + 40; round++) {
            PlacementPolicy policy = policy(scenario, round).scalingIn(consolidation.steppedAt(changed));
            Plan plan = Placement.plan(fleet, scenario.after(), policy);
            if (!plan.decisions().stream().allMatch(Blocked.class::isInstance)) {
                changed = policy.now();
            }
            fleet = FleetSimulator.settle(FleetSimulator.apply(fleet, plan, policy), policy.now());
        }
        PlacementPolicy last = policy(scenario, ROUNDS + 40).scalingIn(consolidation.steppedAt(changed));
        Plan settled = Placement.plan(fleet, scenario.after(), last);
        assertThat(settled.decisions())
                .as("a converged fleet yields nothing but Blocked")
                .allMatch(Blocked.class::isInstance);
    }

    private static long serving(FleetView fleet, String ic) {
        return fleet.copies().stream()
                .filter(c -> c.inferenceComponent().equals(ic) && c.state() == FleetCopy.State.LOADED)
                .count();
    }

    private static Map<String, IcTarget> targets(Scenario scenario, int round) {
        return round < ROUNDS / 3 ? scenario.before() : scenario.after();
    }

    /** The scenario's policy at the round, its first pool no longer short from half-way on. */
    private static PlacementPolicy policy(Scenario scenario, int round) {
        PlacementPolicy policy = scenario.policy().at(Scenarios.T0.plus(TICK.multipliedBy(round)));
        if (round < ROUNDS / 2) {
            return policy;
        }
        return new PlacementPolicy(
                policy.pools().stream()
                        .map(p -> new InstancePool(p.instanceType(), p.capacity(), Optional.empty(), p.pricePerHour()))
                        .toList(),
                policy.minInstances(),
                policy.maxInstances(),
                policy.coolDown(),
                policy.maxMovesPerRound(),
                policy.now(),
                policy.zones(),
                policy.scaleIn());
    }
}
