package dev.stowage.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.placement.Decision.ScheduleCopy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two instances of four devices, each holding one copy of {@code a} (1 device) and one of {@code b} (2 devices): a
 * third copy of {@code b} is blocked though two devices are free in the fleet, one on each instance.
 */
class DefragmenterTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final InstanceCapacity FOUR_GPUS = InstanceCapacity.of(40, 4, 100_000);
    private static final Resources ONE = Resources.of(2, 1, 1024);
    private static final Resources TWO = Resources.of(2, 2, 1024);
    private static final Map<String, IcTarget> TARGETS = Map.of("a", new IcTarget(2, ONE), "b", new IcTarget(3, TWO));

    @Test
    void one_copy_of_another_component_moves_so_that_its_instance_can_take_the_blocked_copy() {
        Optional<ScheduleCopy> move = Defragmenter.move(fragmented(FleetCopy.State.LOADED), TARGETS, Set.of("b"));

        assertThat(move)
                .contains(new ScheduleCopy(
                        "a",
                        "a-c3",
                        "i-2",
                        List.of(3),
                        ONE,
                        Optional.of("a-c1"),
                        "moves a-c1 off i-1 to make room for a copy of b (enough is free in the fleet, but not on one"
                                + " instance)"));
    }

    @Test
    void nothing_moves_while_a_copy_is_still_starting() {
        assertThat(Defragmenter.move(fragmented(FleetCopy.State.SCHEDULED), TARGETS, Set.of("b")))
                .isEmpty();
    }

    @Test
    void nothing_moves_when_nothing_is_blocked() {
        assertThat(Defragmenter.move(fragmented(FleetCopy.State.LOADED), TARGETS, Set.of()))
                .isEmpty();
    }

    private static FleetView fragmented(FleetCopy.State lastCopy) {
        return new FleetView(
                List.of(FleetInstance.running("i-1", FOUR_GPUS, T0), FleetInstance.running("i-2", FOUR_GPUS, T0)),
                List.of(
                        copy("a-c1", "a", "i-1", List.of(0), ONE, FleetCopy.State.LOADED),
                        copy("b-c1", "b", "i-1", List.of(1, 2), TWO, FleetCopy.State.LOADED),
                        copy("a-c2", "a", "i-2", List.of(0), ONE, FleetCopy.State.LOADED),
                        copy("b-c2", "b", "i-2", List.of(1, 2), TWO, lastCopy)),
                2,
                Map.of("a", 2, "b", 2));
    }

    private static FleetCopy copy(
            String id, String ic, String instance, List<Integer> devices, Resources demand, FleetCopy.State state) {
        return new FleetCopy(id, ic, instance, devices, demand, state, Optional.empty());
    }
}
