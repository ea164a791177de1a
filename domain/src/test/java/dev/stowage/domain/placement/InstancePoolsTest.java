package dev.stowage.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stowage.domain.placement.Decision.Blocked;
import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Placement over two instance pools: {@code g5} (4 GPUs, priority 1) and {@code g6} (8 GPUs, priority 2), at most 4
 * instances in all.
 */
class InstancePoolsTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final InstanceCapacity G5 = InstanceCapacity.of(44, 4, 180_000);
    static final InstanceCapacity G6 = InstanceCapacity.of(188, 8, 760_000);
    static final String SHORT_OF_G5 = "InsufficientInstanceCapacity (at 2025-12-31T23:55:00Z)";
    static final Resources ONE_GPU = Resources.of(4, 1, 16_384);
    static final Resources SIX_GPUS = Resources.of(24, 6, 96_000);

    @Test
    void newInstancesComeFromTheFirstPoolWhoseTypeFitsTheCopies() {
        Plan plan = Placement.plan(
                FleetView.EMPTY,
                Map.of("small", new IcTarget(2, ONE_GPU), "large", new IcTarget(1, SIX_GPUS)),
                policy(Optional.empty()));

        assertThat(plan.only(RequestInstance.class))
                .extracting(RequestInstance::instanceId, RequestInstance::instanceType)
                .containsExactly(tuple("i-1", "g5"), tuple("i-2", "g6"));
        assertThat(plan.only(RequestInstance.class).getLast().why())
                .isEqualTo("1 copy (large=1) fit no running or requested instance; they need 1 more of 4 allowed (0"
                        + " running or requested); from pool g6 (priority 2 of 2), not g5: a copy does not fit one");
    }

    @Test
    void aPoolTheProviderIsShortOfIsPassedOverAndTheRequestSaysWhy() {
        Plan plan = Placement.plan(
                FleetView.EMPTY, Map.of("small", new IcTarget(1, ONE_GPU)), policy(Optional.of(SHORT_OF_G5)));

        assertThat(plan.decisions())
                .containsExactly(new RequestInstance(
                        "i-1",
                        "g6",
                        "1 copy (small=1) fit no running or requested instance; they need 1 more of 4 allowed (0"
                                + " running or requested); from pool g6 (priority 2 of 2), not g5: " + SHORT_OF_G5));
    }

    @Test
    void copiesThatFitOnlyAPoolTheProviderIsShortOfWaitAndSayWhy() {
        Plan plan = Placement.plan(
                FleetView.EMPTY,
                Map.of("g5-only", new IcTarget(1, CopyDemand.on("g5", ONE_GPU))),
                policy(Optional.of(SHORT_OF_G5)));

        assertThat(plan.decisions())
                .containsExactly(new Blocked(
                        "g5-only",
                        "1 copy of g5-only pending: needs 1 accelerator device, 4 cores, 16384 MiB on g5 per copy; no"
                                + " instance has room, and the instance types it fits have no capacity now (g5: "
                                + SHORT_OF_G5 + ")"));
    }

    @Test
    void aRunningInstanceOfAnyPoolIsUsedBeforeAskingForANewOne() {
        FleetView fleet = new FleetView(List.of(FleetInstance.running("i-1", "g6", G6, T0)), List.of());

        Plan plan = Placement.plan(fleet, Map.of("small", new IcTarget(1, ONE_GPU)), policy(Optional.empty()));

        assertThat(plan.decisions()).singleElement().isInstanceOf(ScheduleCopy.class);
    }

    @Test
    void aCopyOnAnInstanceHoldsWhatItsComponentNeedsOnThatType() {
        FleetView fleet = new FleetView(List.of(FleetInstance.running("i-1", "g6", G6, T0)), List.of());
        CopyDemand perType = new CopyDemand(Optional.empty(), Map.of("g5", SIX_GPUS, "g6", ONE_GPU));

        Plan plan = Placement.plan(fleet, Map.of("llm", new IcTarget(1, perType)), policy(Optional.empty()));

        assertThat(plan.only(ScheduleCopy.class)).singleElement().satisfies(copy -> {
            assertThat(copy.resources()).isEqualTo(ONE_GPU);
            assertThat(copy.deviceIndices()).containsExactly(0);
        });
    }

    @Test
    void minInstanceCountIsKeptWithTheFirstPoolTheProviderIsNotShortOf() {
        PlacementPolicy policy = policy(Optional.of(SHORT_OF_G5), 1);

        assertThat(Placement.plan(FleetView.EMPTY, Map.of(), policy).only(RequestInstance.class))
                .extracting(RequestInstance::instanceType)
                .containsExactly("g6");
    }

    private static PlacementPolicy policy(Optional<String> g5Shortage) {
        return policy(g5Shortage, 0);
    }

    private static PlacementPolicy policy(Optional<String> g5Shortage, int minInstances) {
        return new PlacementPolicy(
                List.of(new InstancePool("g5", G5, g5Shortage), InstancePool.of("g6", G6)),
                minInstances,
                4,
                Duration.ofMinutes(10),
                2,
                T0);
    }
}
