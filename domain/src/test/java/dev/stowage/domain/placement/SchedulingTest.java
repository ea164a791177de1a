package dev.stowage.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stowage.domain.placement.Decision.Blocked;
import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import dev.stowage.domain.placement.Scheduling.Preference;
import dev.stowage.domain.placement.ZoneBalance.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A component's SchedulingConfig on the same fleet: three running instances of 4 GPUs, {@code i-1} and {@code i-2}
 * in zone {@code a}, {@code i-3} in zone {@code b}; copies of 1 GPU.
 */
class SchedulingTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final InstanceCapacity FOUR_GPUS = InstanceCapacity.of(48, 4, 192_000);
    static final Resources ONE_GPU = Resources.of(4, 1, 16_384);
    static final Resources FOUR = Resources.of(4, 4, 16_384);
    static final FleetInstance I1 = FleetInstance.running("i-1", FOUR_GPUS, T0).inZone("a");
    static final FleetInstance I2 = FleetInstance.running("i-2", FOUR_GPUS, T0).inZone("a");
    static final FleetInstance I3 = FleetInstance.running("i-3", FOUR_GPUS, T0).inZone("b");
    static final FleetView FLEET = new FleetView(List.of(I1, I2, I3), List.of());
    /** The same fleet with {@code i-3}, zone b's only instance, full. */
    static final FleetView B_FULL = new FleetView(
            List.of(I1, I2, I3),
            List.of(new FleetCopy(
                    "other-c1", "other", "i-3", List.of(0, 1, 2, 3), FOUR, FleetCopy.State.LOADED, Optional.empty())));

    @Test
    void spreadPutsEachCopyOnTheInstanceThenTheZoneWithFewestCopiesOfItsComponent() {
        Plan plan = Placement.plan(FLEET, Map.of("ic", target(4, new Scheduling(Preference.SPREAD))), policy(3));

        assertThat(plan.only(ScheduleCopy.class))
                .extracting(ScheduleCopy::copyId, ScheduleCopy::instanceId)
                .containsExactly(
                        tuple("ic-c1", "i-1"), tuple("ic-c2", "i-3"), tuple("ic-c3", "i-2"), tuple("ic-c4", "i-3"));
        assertThat(plan.only(ScheduleCopy.class).getFirst().why())
                .isEqualTo("ic wants 4 copies, has 0; placed on i-1 (a) by SPREAD (fewest copies of ic), no other"
                        + " copy of ic is there");
    }

    @Test
    void binpackPutsTheCopiesOnTheFullestInstanceThatFits() {
        Plan plan = Placement.plan(FLEET, Map.of("ic", target(4, new Scheduling(Preference.BINPACK))), policy(3));

        assertThat(plan.only(ScheduleCopy.class))
                .extracting(ScheduleCopy::instanceId)
                .containsOnly("i-1");
        assertThat(plan.only(ScheduleCopy.class).getLast().why())
                .isEqualTo("ic wants 4 copies, has 0; placed on i-1 (a) by BINPACK (fullest instance that fits),"
                        + " beside another copy of ic: no instance without one has room");
    }

    @Test
    void spreadAsksForNoInstanceJustToSpread() {
        Plan plan = Placement.plan(FLEET, Map.of("ic", target(6, new Scheduling(Preference.SPREAD))), policy(5));

        assertThat(plan.only(RequestInstance.class)).isEmpty();
        assertThat(plan.only(ScheduleCopy.class)).hasSize(6);
    }

    @Test
    void aStrictZoneBalanceLeavesACopyPendingWhenOnlyAFullZoneWouldKeepIt() {
        Plan plan = Placement.plan(B_FULL, Map.of("ic", target(2, balanced(Mode.STRICT))), policy(3));

        assertThat(plan.only(ScheduleCopy.class))
                .extracting(ScheduleCopy::instanceId)
                .containsExactly("i-1");
        assertThat(plan.only(Blocked.class))
                .containsExactly(new Blocked(
                        "ic",
                        "1 copy of ic pending: its AvailabilityZoneBalance (STRICT, MaxImbalance 0) allows no instance"
                                + " where a copy fits (copies per zone: a 1, b 0), and no instance in a zone with"
                                + " fewer copies can be requested (3 instances at most)"));
    }

    @Test
    void aStrictZoneBalanceAsksForAnInstanceInTheZoneThatNeedsIt() {
        Plan plan = Placement.plan(
                B_FULL,
                Map.of("ic", target(2, balanced(Mode.STRICT))),
                policy(4).inZones(List.of("a", "b")));

        assertThat(plan.only(RequestInstance.class))
                .extracting(RequestInstance::instanceId, RequestInstance::zone)
                .containsExactly(tuple("i-4", "b"));
        assertThat(plan.only(Blocked.class)).isEmpty();
    }

    @Test
    void aPermissiveZoneBalancePlacesAnywayAndSaysSo() {
        Plan plan = Placement.plan(B_FULL, Map.of("ic", target(2, balanced(Mode.PERMISSIVE))), policy(4));

        assertThat(plan.only(RequestInstance.class)).isEmpty();
        assertThat(plan.only(ScheduleCopy.class))
                .extracting(ScheduleCopy::instanceId)
                .containsExactly("i-1", "i-2");
        assertThat(plan.only(ScheduleCopy.class).getLast().why())
                .isEqualTo("ic wants 2 copies, has 0; placed on i-2 (a) by SPREAD (fewest copies of ic), no other"
                        + " copy of ic is there; breaks AvailabilityZoneBalance (MaxImbalance 0, copies per zone:"
                        + " a 1, b 0): no instance in a zone that keeps it has room, and PERMISSIVE places it"
                        + " anyway");
    }

    @Test
    void newInstancesGoToTheLeastUsedZone() {
        Plan plan = Placement.plan(
                FLEET, Map.of("ic", target(20, Scheduling.NONE)), policy(6).inZones(List.of("a", "b", "c")));

        assertThat(plan.only(RequestInstance.class))
                .extracting(RequestInstance::zone)
                .containsExactly("c", "b");
    }

    private static IcTarget target(int copies, Scheduling scheduling) {
        return new IcTarget(copies, ONE_GPU).scheduled(scheduling);
    }

    private static Scheduling balanced(Mode mode) {
        return new Scheduling(Preference.SPREAD, Optional.of(new ZoneBalance(mode, 0)));
    }

    private static PlacementPolicy policy(int maxInstances) {
        return new PlacementPolicy(FOUR_GPUS, 0, maxInstances, Duration.ofMinutes(10), 2, T0);
    }
}
