package dev.stowage.domain.placement;

import static dev.stowage.domain.placement.PlacementScenarioTest.G5_24XL;
import static dev.stowage.domain.placement.PlacementScenarioTest.ONE_GPU;
import static dev.stowage.domain.placement.PlacementScenarioTest.T0;
import static dev.stowage.domain.placement.PlacementScenarioTest.loaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.placement.Decision.DrainInstance;
import dev.stowage.domain.placement.Decision.RemoveCopy;
import dev.stowage.domain.placement.Decision.RetireInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import dev.stowage.domain.placement.Scheduling.Preference;
import dev.stowage.domain.placement.ZoneBalance.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ScaleInPolicy: CONSOLIDATION steps and IDLE_RELEASE, at fixed instants. */
class ConsolidationTest {
    static final Duration COOLDOWN = Duration.ofMinutes(20);

    /** i-1 and i-2 lightly used (one copy each), i-3 holding two: load has fallen. */
    static final FleetView FALLEN = new FleetView(
            List.of(running("i-1"), running("i-2"), running("i-3")),
            List.of(
                    loaded("ic-a-c1", "ic-a", "i-1", 0),
                    loaded("ic-b-c1", "ic-b", "i-2", 0),
                    loaded("ic-c-c1", "ic-c", "i-3", 0),
                    loaded("ic-d-c1", "ic-d", "i-3", 1)));

    static final Map<String, IcTarget> ONE_EACH = Map.of(
            "ic-a", new IcTarget(1, ONE_GPU),
            "ic-b", new IcTarget(1, ONE_GPU),
            "ic-c", new IcTarget(1, ONE_GPU),
            "ic-d", new IcTarget(1, ONE_GPU));

    @Test
    void stepSizeOneEmptiesTheLeastUsedInstanceMakeBeforeBreak() {
        Plan plan = Placement.plan(FALLEN, ONE_EACH, consolidation(1, T0.plus(COOLDOWN)));

        assertThat(plan.decisions()).hasSize(1);
        ScheduleCopy move = (ScheduleCopy) plan.decisions().getFirst();
        assertThat(move.replaces()).contains("ic-a-c1");
        assertThat(move.instanceId()).isEqualTo("i-3");
        assertThat(move.why())
                .isEqualTo("CONSOLIDATION step (instance 1 of at most 1): moves ic-a-c1 off i-1 so it can be released:"
                        + " its 1 copy fits on the other instances; reloading costs PT5M of load time, no more than the"
                        + " PT20M of instance-time saved over the cool-down (make before break: ic-a-c1 is removed"
                        + " once this copy is loaded)");
    }

    @Test
    void stepSizeOneEmptiesAndReleasesOneInstance() {
        PlacementPolicy policy = consolidation(1, T0.plus(COOLDOWN));
        FleetView moving = FleetSimulator.apply(FALLEN, Placement.plan(FALLEN, ONE_EACH, policy), policy);
        FleetView loaded = FleetSimulator.settle(moving, policy.now());
        Plan finish = Placement.plan(loaded, ONE_EACH, policy);
        assertThat(finish.decisions())
                .containsExactly(
                        new RemoveCopy("ic-a-c1", "replaced by ic-a-c2, now loaded on i-3 (make before break)"),
                        new DrainInstance(
                                "i-1",
                                "i-1 was emptied by moves (make before break): its copies serve elsewhere, so it is"
                                        + " released once they are removed"));
        FleetView done = FleetSimulator.settle(FleetSimulator.apply(loaded, finish, policy), policy.now());

        Instant changed = policy.now();
        PlacementPolicy atOnce = policy.scalingIn(policy.scaleIn().steppedAt(changed));
        Plan later = Placement.plan(done, ONE_EACH, atOnce);

        assertThat(later.only(RetireInstance.class))
                .as("released as soon as its copy is gone, not after the idle cool-down")
                .extracting(RetireInstance::instanceId)
                .containsExactly("i-1");
        assertThat(later.only(ScheduleCopy.class))
                .as("the next step waits for its cool-down")
                .isEmpty();
    }

    @Test
    void stepSizeTwoEmptiesTwoInstancesInOneStep() {
        Plan plan = Placement.plan(FALLEN, ONE_EACH, consolidation(2, T0.plus(COOLDOWN)));

        assertThat(plan.only(ScheduleCopy.class))
                .extracting(m -> m.replaces().orElseThrow() + "->" + m.instanceId())
                .containsExactly("ic-a-c1->i-3", "ic-b-c1->i-3");

        PlacementPolicy policy = consolidation(2, T0.plus(COOLDOWN));
        FleetView done = FleetSimulator.settle(FleetSimulator.apply(FALLEN, plan, policy), policy.now());
        done = FleetSimulator.settle(
                FleetSimulator.apply(done, Placement.plan(done, ONE_EACH, policy), policy), policy.now());
        assertThat(Placement.plan(done, ONE_EACH, policy.at(policy.now().plus(Duration.ofMinutes(10))))
                        .only(RetireInstance.class))
                .extracting(RetireInstance::instanceId)
                .containsExactly("i-1", "i-2");
    }

    @Test
    void noStepBeforeTheCooldownAfterTheLastChange() {
        assertThat(Placement.plan(
                                FALLEN,
                                ONE_EACH,
                                consolidation(1, T0.plus(COOLDOWN).minusSeconds(1)))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void neverBelowDesiredServingCopiesWhileAStepRuns() {
        PlacementPolicy policy = consolidation(2, T0.plus(COOLDOWN));
        FleetView moving = FleetSimulator.apply(FALLEN, Placement.plan(FALLEN, ONE_EACH, policy), policy);

        assertThat(Placement.plan(moving, ONE_EACH, policy).isEmpty())
                .as("no original is removed before its replacement loads")
                .isTrue();
        assertThat(moving.copies().stream()
                        .filter(c -> c.state() == FleetCopy.State.LOADED)
                        .map(FleetCopy::inferenceComponent)
                        .distinct())
                .containsExactlyInAnyOrder("ic-a", "ic-b", "ic-c", "ic-d");
    }

    @Test
    void refusesAMoveWhoseReloadCostsMoreThanItSaves() {
        ScaleIn slow = ScaleIn.of(ScaleIn.Strategy.CONSOLIDATION, 1, COOLDOWN)
                .steppedAt(T0)
                .measured(Map.of(
                        "ic-a",
                        Duration.ofMinutes(25),
                        "ic-b",
                        Duration.ofMinutes(21),
                        "ic-c",
                        Duration.ofMinutes(22)));

        Plan plan = Placement.plan(FALLEN, ONE_EACH, policy(T0.plus(COOLDOWN)).scalingIn(slow));

        assertThat(plan.only(ScheduleCopy.class))
                .as("i-1 and i-2 cost more to reload than 20 minutes save; i-3's copies load at once, the longer in 22")
                .isEmpty();
    }

    @Test
    void keepsAStrictZoneBalanceByMovingOnlyWithinAZone() {
        FleetView zoned = new FleetView(
                List.of(
                        running("i-1").inZone("a"),
                        running("i-2").inZone("b"),
                        running("i-3").inZone("b")),
                List.of(
                        loaded("ic-a-c1", "ic-a", "i-1", 0),
                        loaded("ic-a-c2", "ic-a", "i-2", 0),
                        loaded("ic-b-c1", "ic-b", "i-3", 0)));
        Scheduling balanced = new Scheduling(Preference.SPREAD, Optional.of(new ZoneBalance(Mode.STRICT, 0)));
        Map<String, IcTarget> targets =
                Map.of("ic-a", new IcTarget(2, ONE_GPU).scheduled(balanced), "ic-b", new IcTarget(1, ONE_GPU));

        Plan plan = Placement.plan(zoned, targets, consolidation(1, T0.plus(COOLDOWN)));

        assertThat(plan.only(ScheduleCopy.class))
                .extracting(m -> m.replaces().orElseThrow() + "->" + m.instanceId())
                .as("i-1's copy of ic-a has no other instance in zone a; i-2's goes to i-3 in its own zone")
                .containsExactly("ic-a-c2->i-3");
    }

    @Test
    void idleReleaseMovesNoCopyAndReleasesOnlyEmptyInstances() {
        FleetView withEmpty =
                new FleetView(List.of(running("i-1"), running("i-2"), running("i-3"), running("i-4")), FALLEN.copies());
        PlacementPolicy idle = policy(T0.plus(Duration.ofHours(1)))
                .scalingIn(
                        ScaleIn.of(ScaleIn.Strategy.IDLE_RELEASE, 1, COOLDOWN).steppedAt(T0));

        assertThat(Placement.plan(withEmpty, ONE_EACH, idle).decisions())
                .extracting(
                        d -> d.getClass().getSimpleName() + " " + (d instanceof RetireInstance r ? r.instanceId() : ""))
                .containsExactly("RetireInstance i-4");
    }

    static PlacementPolicy consolidation(int step, Instant now) {
        return policy(now)
                .scalingIn(ScaleIn.of(ScaleIn.Strategy.CONSOLIDATION, step, COOLDOWN)
                        .steppedAt(T0));
    }

    static PlacementPolicy policy(Instant now) {
        return new PlacementPolicy(G5_24XL, 1, 4, Duration.ofMinutes(10), 2, now);
    }

    static FleetInstance running(String id) {
        return FleetInstance.running(id, G5_24XL, T0);
    }
}
