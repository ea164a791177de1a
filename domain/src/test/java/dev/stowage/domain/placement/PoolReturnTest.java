package dev.stowage.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.RetireInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CONSOLIDATION across pools: copies that fell back to {@code g6} (priority 2) return to {@code g5} (priority 1) once
 * it can be had again, and consolidation never moves copies down the priority order. g5 is the dearer type here, so
 * price alone would never bring them back.
 */
class PoolReturnTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration COOLDOWN = Duration.ofMinutes(20);
    static final InstanceCapacity G5 = InstanceCapacity.of(44, 4, 180_000);
    static final InstanceCapacity G6 = InstanceCapacity.of(44, 4, 180_000);
    static final Resources ONE_GPU = Resources.of(4, 1, 16_384);
    static final Resources ONE_GPU_ON_G6 = Resources.of(6, 1, 20_000);
    static final CopyDemand BOTH = new CopyDemand(Optional.empty(), Map.of("g5", ONE_GPU, "g6", ONE_GPU_ON_G6));
    static final Map<String, IcTarget> TARGETS = Map.of(
            "a", new IcTarget(1, BOTH),
            "b", new IcTarget(1, BOTH),
            "c", new IcTarget(1, BOTH),
            "d", new IcTarget(1, BOTH));

    /** g5 was short: i-1 (g5) is full, i-2 (g6) holds the two copies that fell back. */
    static final FleetView FELL_BACK = new FleetView(
            List.of(
                    FleetInstance.running("i-1", "g5", G5, T0).inZone("z1"),
                    FleetInstance.running("i-2", "g6", G6, T0).inZone("z2")),
            List.of(
                    copy("a-c1", "a", "i-1", 0, ONE_GPU),
                    copy("b-c1", "b", "i-1", 1, ONE_GPU),
                    new FleetCopy(
                            "e-c1",
                            "e",
                            "i-1",
                            List.of(2, 3),
                            Resources.of(8, 2, 32_768),
                            FleetCopy.State.LOADED,
                            Optional.empty()),
                    copy("c-c1", "c", "i-2", 0, ONE_GPU_ON_G6),
                    copy("d-c1", "d", "i-2", 1, ONE_GPU_ON_G6)));

    static final Map<String, IcTarget> WITH_E = withE(new IcTarget(1, CopyDemand.on("g5", Resources.of(8, 2, 32_768))));

    @Test
    void oncePreferredCapacityIsBackOneInstanceOfItIsAskedInTheFallenInstancesZone() {
        Plan plan = Placement.plan(FELL_BACK, WITH_E, policy(Optional.empty(), T0.plus(COOLDOWN)));

        assertThat(plan.decisions())
                .containsExactly(new RequestInstance(
                        "i-3",
                        "g5",
                        "z2",
                        "CONSOLIDATION returns to a higher-priority pool: g5 (priority 1) can be asked again, and one"
                                + " instance of it holds the 2 copies of i-2 (g6, priority 2); once it runs they move"
                                + " onto it and i-2 is released"));
    }

    @Test
    void nothingIsAskedWhileThePreferredPoolIsShortOrBeforeTheCoolDown() {
        assertThat(Placement.plan(FELL_BACK, WITH_E, policy(Optional.of("short"), T0.plus(COOLDOWN)))
                        .isEmpty())
                .isTrue();
        assertThat(Placement.plan(
                                FELL_BACK,
                                WITH_E,
                                policy(Optional.empty(), T0.plus(COOLDOWN).minusSeconds(1)))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void theCopiesMoveBackMakeBeforeBreakAndTheFallenInstanceIsReleased() {
        PlacementPolicy policy = policy(Optional.empty(), T0.plus(COOLDOWN));
        FleetView asked = FleetSimulator.apply(FELL_BACK, Placement.plan(FELL_BACK, WITH_E, policy), policy);
        Instant later = T0.plus(COOLDOWN).plus(Duration.ofHours(1));
        FleetView running = FleetSimulator.settle(asked, T0.plus(COOLDOWN).plusSeconds(90));
        PlacementPolicy busy =
                policy(Optional.empty(), later).scalingIn(consolidation().steppedAt(later));

        Plan back = Placement.plan(running, WITH_E, busy);

        assertThat(back.decisions())
                .as("no cool-down needed to move up, and the new instance, idle for an hour, is not retired")
                .allMatch(ScheduleCopy.class::isInstance)
                .hasSize(2);
        assertThat(back.only(ScheduleCopy.class)).allSatisfy(move -> {
            assertThat(move.instanceId()).isEqualTo("i-3");
            assertThat(move.resources()).as("g5's specification").isEqualTo(ONE_GPU);
            assertThat(move.why()).contains("off i-2 (g6, pool 2) back to i-3 (g5, pool 1)");
        });

        FleetView moved = FleetSimulator.settle(FleetSimulator.apply(running, back, busy), later);
        FleetView finished =
                FleetSimulator.settle(FleetSimulator.apply(moved, Placement.plan(moved, WITH_E, busy), busy), later);
        PlacementPolicy idleLong = policy(Optional.empty(), later.plus(Duration.ofHours(1)));
        assertThat(Placement.plan(finished, WITH_E, idleLong).decisions())
                .extracting(d -> d instanceof RetireInstance r ? "retire " + r.instanceId() : d.toString())
                .containsExactly("retire i-2");
    }

    @Test
    void consolidationNeverMovesCopiesDownThePriorityOrder() {
        FleetView fleet = new FleetView(
                List.of(FleetInstance.running("i-1", "g5", G5, T0), FleetInstance.running("i-2", "g6", G6, T0)),
                List.of(
                        copy("a-c1", "a", "i-1", 0, ONE_GPU),
                        copy("c-c1", "c", "i-2", 0, ONE_GPU_ON_G6),
                        copy("d-c1", "d", "i-2", 1, ONE_GPU_ON_G6)));
        Map<String, IcTarget> targets = Map.of(
                "a", new IcTarget(1, BOTH),
                "c", new IcTarget(1, BOTH),
                "d", new IcTarget(1, BOTH));

        Plan plan = Placement.plan(fleet, targets, policy(Optional.empty(), T0.plus(COOLDOWN)));

        assertThat(plan.only(ScheduleCopy.class))
                .as("i-2's copies go up to i-1 with g5's specification; i-1's copy never goes down to i-2")
                .extracting(m -> m.replaces().orElseThrow() + "->" + m.instanceId() + " " + m.resources())
                .containsExactlyInAnyOrder("c-c1->i-1 " + ONE_GPU, "d-c1->i-1 " + ONE_GPU);
    }

    @Test
    void idleReleaseNeverBringsCopiesBack() {
        PlacementPolicy idle = policy(Optional.empty(), T0.plus(Duration.ofHours(2)))
                .scalingIn(
                        ScaleIn.of(ScaleIn.Strategy.IDLE_RELEASE, 1, COOLDOWN).steppedAt(T0));

        assertThat(Placement.plan(FELL_BACK, WITH_E, idle).isEmpty()).isTrue();
    }

    @Test
    void theDearerIdleShareIsEmptiedFirst() {
        InstancePool cheap = InstancePool.of("g6", G6).pricedAt(1);
        InstancePool dear = InstancePool.of("g5", G5).pricedAt(10);
        FleetView fleet = new FleetView(
                List.of(
                        FleetInstance.running("i-1", "g6", G6, T0),
                        FleetInstance.running("i-2", "g6", G6, T0),
                        FleetInstance.running("i-3", "g5", G5, T0),
                        FleetInstance.running("i-4", "g5", G5, T0)),
                List.of(
                        copy("a-c1", "a", "i-1", 0, ONE_GPU_ON_G6),
                        copy("b-c1", "b", "i-2", 0, ONE_GPU_ON_G6),
                        copy("c-c1", "c", "i-3", 0, ONE_GPU),
                        copy("d-c1", "d", "i-4", 0, ONE_GPU),
                        copy("d-c2", "d", "i-4", 1, ONE_GPU)));
        PlacementPolicy policy = new PlacementPolicy(
                        List.of(dear, cheap), 1, 6, Duration.ofMinutes(10), 2, T0.plus(COOLDOWN))
                .scalingIn(consolidation());

        Plan plan = Placement.plan(
                fleet,
                Map.of(
                        "a", new IcTarget(1, BOTH),
                        "b", new IcTarget(1, BOTH),
                        "c", new IcTarget(1, BOTH),
                        "d", new IcTarget(2, BOTH)),
                policy);

        assertThat(plan.only(ScheduleCopy.class))
                .as(
                        "i-3 (g5, $10 an hour, three quarters idle) before the g6 instances ($1, as idle, of the lower pool)")
                .extracting(m -> m.replaces().orElseThrow() + "->" + m.instanceId())
                .containsExactly("c-c1->i-4");
    }

    private static PlacementPolicy policy(Optional<String> g5Shortage, Instant now) {
        return new PlacementPolicy(
                        List.of(
                                new InstancePool("g5", G5, g5Shortage).pricedAt(7.09),
                                InstancePool.of("g6", G6).pricedAt(5.88)),
                        1,
                        4,
                        Duration.ofMinutes(10),
                        2,
                        now)
                .scalingIn(consolidation());
    }

    private static ScaleIn consolidation() {
        return ScaleIn.of(ScaleIn.Strategy.CONSOLIDATION, 1, COOLDOWN).steppedAt(T0);
    }

    private static Map<String, IcTarget> withE(IcTarget e) {
        Map<String, IcTarget> targets = new HashMap<>(TARGETS);
        targets.put("e", e);
        return Map.copyOf(targets);
    }

    private static FleetCopy copy(String id, String ic, String instance, int device, Resources resources) {
        return new FleetCopy(id, ic, instance, List.of(device), resources, FleetCopy.State.LOADED, Optional.empty());
    }
}
