package dev.stowage.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.placement.Decision.Blocked;
import dev.stowage.domain.placement.Decision.RemoveCopy;
import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.RetireInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The launch-lab scenario: an endpoint on a 4-GPU type with managed instance scaling 1–2. */
class PlacementScenarioTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final InstanceCapacity G5_24XL = InstanceCapacity.of(92, 4, 360_000);
    static final Resources ONE_GPU = Resources.of(4, 1, 16_384);
    static final Resources TWO_GPUS = Resources.of(8, 2, 32_768);
    static final PlacementPolicy POLICY = new PlacementPolicy(G5_24XL, 1, 2, Duration.ofMinutes(10), 2, T0);
    static final Map<String, IcTarget> LAB = Map.of(
            "ic-a", new IcTarget(1, ONE_GPU), "ic-b", new IcTarget(1, TWO_GPUS), "ic-c", new IcTarget(1, ONE_GPU));

    static FleetView oneInstance() {
        return new FleetView(List.of(FleetInstance.running("i-1", G5_24XL, T0)), List.of());
    }

    static FleetView round(FleetView fleet, Map<String, IcTarget> targets, PlacementPolicy policy) {
        Plan plan = Placement.plan(fleet, targets, policy);
        return FleetSimulator.settle(FleetSimulator.apply(fleet, plan, policy), policy.now());
    }

    @Test
    void threeComponentsNeedingOneTwoAndOneGpusShareOneInstanceOnDistinctDevices() {
        Plan plan = Placement.plan(oneInstance(), LAB, POLICY);

        assertThat(plan.decisions())
                .extracting(d -> ((ScheduleCopy) d).copyId() + "@" + ((ScheduleCopy) d).instanceId()
                        + ((ScheduleCopy) d).deviceIndices())
                .containsExactly("ic-b-c1@i-1[0, 1]", "ic-a-c1@i-1[2]", "ic-c-c1@i-1[3]");
        assertThat(plan.decisions().getFirst().why())
                .isEqualTo("ic-b wants 1 copy, has 0; placed on i-1 by best fit, no other copy of ic-b is there");
    }

    @Test
    void oneMoreCopyRequestsASecondInstanceOnceAndLandsThereWhenItRuns() {
        FleetView full = round(oneInstance(), LAB, POLICY);
        Map<String, IcTarget> more = Map.of(
                "ic-a", new IcTarget(2, ONE_GPU), "ic-b", new IcTarget(1, TWO_GPUS), "ic-c", new IcTarget(1, ONE_GPU));

        Plan plan = Placement.plan(full, more, POLICY);
        assertThat(plan.decisions())
                .containsExactly(new RequestInstance(
                        "i-2",
                        "1 copy (ic-a=1) fit no running or requested instance; they need 1 more of 2 allowed (1 running or"
                                + " requested)"));

        FleetView requested = FleetSimulator.apply(full, plan, POLICY);
        assertThat(Placement.plan(requested, more, POLICY).isEmpty()).isTrue();

        FleetView registered = FleetSimulator.settle(requested, T0);
        assertThat(Placement.plan(registered, more, POLICY).only(ScheduleCopy.class))
                .extracting(ScheduleCopy::copyId, ScheduleCopy::instanceId, ScheduleCopy::deviceIndices)
                .containsExactly(Assertions.tuple("ic-a-c2", "i-2", List.of(0)));
    }

    @Test
    void anEmptyInstanceRetiresAfterTheCoolDownButNotBefore() {
        FleetView fleet = new FleetView(
                List.of(
                        FleetInstance.running("i-1", G5_24XL, T0),
                        new FleetInstance(
                                "i-2", FleetInstance.State.RUNNING, G5_24XL, T0, Optional.of(T0.plusSeconds(60)))),
                List.of(loaded("ic-a-c1", "ic-a", "i-1", 0)));
        Map<String, IcTarget> targets = Map.of("ic-a", new IcTarget(1, ONE_GPU));

        assertThat(Placement.plan(fleet, targets, POLICY.at(T0.plusSeconds(60 + 599)))
                        .isEmpty())
                .isTrue();
        assertThat(Placement.plan(fleet, targets, POLICY.at(T0.plusSeconds(60 + 600)))
                        .decisions())
                .containsExactly(new RetireInstance(
                        "i-2",
                        "i-2 has hosted nothing since 1970-01-01T00:00:00Z"
                                        .replace(
                                                "1970-01-01T00:00:00Z",
                                                T0.plusSeconds(60).toString())
                                + ", longer than the PT10M cool-down; 1 instance remains (MinInstanceCount 1)"));
    }

    @Test
    void minInstancesAreKeptAndRestored() {
        Instant late = T0.plus(Duration.ofDays(1));
        assertThat(Placement.plan(oneInstance(), Map.of(), POLICY.at(late)).isEmpty())
                .isTrue();

        PlacementPolicy minZero = new PlacementPolicy(G5_24XL, 0, 2, Duration.ofMinutes(10), 2, late);
        assertThat(Placement.plan(oneInstance(), Map.of(), minZero).only(RetireInstance.class))
                .hasSize(1);

        assertThat(Placement.plan(FleetView.EMPTY, Map.of(), POLICY).decisions())
                .containsExactly(new RequestInstance("i-1", "keeps MinInstanceCount 1 instances"));
    }

    @Test
    void blockedWhenMaxInstanceCountIsReached() {
        FleetView full = round(round(oneInstance(), LAB, POLICY), LAB, POLICY);
        PlacementPolicy maxOne = new PlacementPolicy(G5_24XL, 1, 1, Duration.ofMinutes(10), 2, T0);
        Map<String, IcTarget> more = Map.of(
                "ic-a", new IcTarget(1, ONE_GPU), "ic-b", new IcTarget(3, TWO_GPUS), "ic-c", new IcTarget(1, ONE_GPU));

        assertThat(Placement.plan(full, more, maxOne).decisions())
                .containsExactly(new Blocked(
                        "ic-b",
                        "2 copies of ic-b pending: needs 2 accelerator devices, 8 cores,"
                                + " 32768 MiB per copy; instances have at most 0 free accelerator devices; MaxInstanceCount 1"
                                + " reached"));
    }

    @Test
    void copiesBeyondWhatTheFleetCouldEverHoldAreCountedNotMaterialised() {
        FleetView full = round(round(oneInstance(), LAB, POLICY), LAB, POLICY);
        Map<String, IcTarget> countless = Map.of(
                "ic-a", new IcTarget(Integer.MAX_VALUE, ONE_GPU),
                "ic-b", new IcTarget(1, TWO_GPUS),
                "ic-c", new IcTarget(1, ONE_GPU));

        Plan plan = Placement.plan(full, countless, POLICY);

        // 2^31 - 1 wanted, 1 serving, 4 coming on the one instance MaxInstanceCount still allows.
        assertThat(plan.only(Blocked.class))
                .extracting(Blocked::why)
                .containsExactly("2147483642 copies of ic-a pending: needs 1 accelerator device, 4 cores, 16384 MiB per"
                        + " copy; instances have at most 0 free accelerator devices; MaxInstanceCount 2 reached");
        assertThat(plan.only(RequestInstance.class)).hasSize(1);
    }

    @Test
    void blockedWhenACopyCanNeverFitOneInstance() {
        Map<String, IcTarget> huge = Map.of("ic-big", new IcTarget(1, Resources.of(8, 5, 16_384)));

        assertThat(Placement.plan(oneInstance(), huge, POLICY).decisions())
                .containsExactly(new Blocked(
                        "ic-big",
                        "1 copy of ic-big pending: needs 5 accelerator devices, 8 cores,"
                                + " 16384 MiB per copy; an instance of this type has at most 4 accelerator devices allocatable,"
                                + " so a copy can never fit one instance"));
    }

    @Test
    void consolidationMovesMakeBeforeBreakOverTwoRounds() {
        FleetView fleet = new FleetView(
                List.of(FleetInstance.running("i-1", G5_24XL, T0), FleetInstance.running("i-2", G5_24XL, T0)),
                List.of(loaded("ic-a-c1", "ic-a", "i-1", 0), loaded("ic-b-c1", "ic-b", "i-2", 0)));
        Map<String, IcTarget> targets = Map.of("ic-a", new IcTarget(1, ONE_GPU), "ic-b", new IcTarget(1, ONE_GPU));

        Plan first = Placement.plan(fleet, targets, POLICY);
        assertThat(first.decisions()).hasSize(1);
        ScheduleCopy move = (ScheduleCopy) first.decisions().getFirst();
        assertThat(move.copyId()).isEqualTo("ic-a-c2");
        assertThat(move.instanceId()).isEqualTo("i-2");
        assertThat(move.deviceIndices()).containsExactly(1);
        assertThat(move.replaces()).contains("ic-a-c1");

        FleetView moving = FleetSimulator.apply(fleet, first, POLICY);
        assertThat(Placement.plan(moving, targets, POLICY).isEmpty())
                .as("nothing breaks before the replacement loads")
                .isTrue();

        FleetView loaded = FleetSimulator.settle(moving, T0);
        assertThat(Placement.plan(loaded, targets, POLICY).decisions())
                .containsExactly(
                        new RemoveCopy("ic-a-c1", "replaced by ic-a-c2, now loaded on i-2 (make before break)"));

        FleetView done = round(loaded, targets, POLICY);
        assertThat(Placement.plan(done, targets, POLICY.at(T0.plus(Duration.ofMinutes(10))))
                        .decisions())
                .extracting(Decision::getClass)
                .containsExactly((Class) RetireInstance.class);
    }

    @Test
    void movesPerRoundAreBounded() {
        FleetView fleet = new FleetView(
                List.of(FleetInstance.running("i-1", G5_24XL, T0), FleetInstance.running("i-2", G5_24XL, T0)),
                List.of(
                        loaded("ic-big-c1", "ic-big", "i-1", 0), loaded("ic-x-c1", "ic-x", "i-2", 0),
                        loaded("ic-y-c1", "ic-y", "i-2", 1), loaded("ic-z-c1", "ic-z", "i-2", 2)));
        Map<String, IcTarget> targets = Map.of(
                "ic-big",
                new IcTarget(1, ONE_GPU),
                "ic-x",
                new IcTarget(1, ONE_GPU),
                "ic-y",
                new IcTarget(1, ONE_GPU),
                "ic-z",
                new IcTarget(1, ONE_GPU));
        PlacementPolicy oneMove = new PlacementPolicy(G5_24XL, 1, 2, Duration.ofMinutes(10), 1, T0);

        assertThat(Placement.plan(fleet, targets, oneMove).only(ScheduleCopy.class))
                .extracting(ScheduleCopy::replaces)
                .containsExactly(Optional.of("ic-big-c1"));
        assertThat(Placement.plan(fleet, targets, POLICY.at(T0)).only(ScheduleCopy.class))
                .hasSize(1);
    }

    @Test
    void aConvergedFleetYieldsAnEmptyPlan() {
        FleetView converged = round(oneInstance(), LAB, POLICY);
        assertThat(Placement.plan(converged, LAB, POLICY.at(T0.plus(Duration.ofDays(1))))
                        .isEmpty())
                .isTrue();
    }

    static FleetCopy loaded(String copyId, String ic, String instanceId, int device) {
        return new FleetCopy(
                copyId, ic, instanceId, List.of(device), ONE_GPU, FleetCopy.State.LOADED, Optional.empty());
    }
}
