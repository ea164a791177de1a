package dev.stowage.domain.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.events.FleetEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How many copies of a component serve ({@link FleetState#loadedCopies}, DescribeInferenceComponent's
 * CurrentCopyCount) while a copy moves make before break, as a CONSOLIDATION step moves it (ADR 26).
 */
class FleetServingCopiesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final FleetEvent.Capacity G5 = new FleetEvent.Capacity(47_000, 188_416, 4);

    private static final List<FleetEvent> MOVE = List.of(
            new FleetEvent.InstanceRequested("i-1", "ml.g5.12xlarge", "min", T0),
            new FleetEvent.InstanceRegistered("i-1", "local:i-1", G5, T0),
            new FleetEvent.InstanceRequested("i-2", "ml.g5.12xlarge", "more", T0),
            new FleetEvent.InstanceRegistered("i-2", "local:i-2", G5, T0),
            new FleetEvent.CopyScheduled("a", "a-c1", "i-1", List.of(0), 1000, 1024, "", "placed", T0, T0),
            new FleetEvent.CopyLoaded("a-c1", T0.plusSeconds(1)),
            new FleetEvent.CopyScheduled(
                    "a", "a-c2", "i-2", List.of(3), 1000, 1024, "a-c1", "CONSOLIDATION step", T0, T0.plusSeconds(2)),
            new FleetEvent.CopyLoaded("a-c2", T0.plusSeconds(3)),
            new FleetEvent.CopyRemovalScheduled("a-c1", "replaced by a-c2", T0.plusSeconds(4)),
            new FleetEvent.CopyRemoved("a-c1", T0.plusSeconds(5)));

    /**
     * The bug ConsolidationIT found: between the original's {@code CopyRemovalScheduled} and its {@code CopyRemoved},
     * the original no longer counted (it is being removed) and the loaded replacement not yet (its original was still
     * in the fleet), so CurrentCopyCount read 0 while the replacement served.
     */
    @Test
    void a_moving_copy_counts_once_at_every_step_of_its_move() {
        for (int n = 6; n <= MOVE.size(); n++) {
            FleetState state = new FleetDecider().fold(MOVE.subList(0, n));

            assertThat(state.loadedCopies("a"))
                    .as("serving copies after %s", MOVE.get(n - 1))
                    .isEqualTo(1);
            assertThat(state.loadedCopiesByInstanceType("a"))
                    .as("serving copies by type after %s", MOVE.get(n - 1))
                    .isEqualTo(Map.of("ml.g5.12xlarge", 1));
        }
    }

    @Test
    void a_replacement_still_replaces_while_its_original_serves_and_no_longer_once_the_original_is_leaving() {
        FleetState loaded = new FleetDecider().fold(MOVE.subList(0, 8));
        FleetState leaving = new FleetDecider().fold(MOVE.subList(0, 9));

        assertThat(loaded.replacing(loaded.copies().get("a-c2"))).isTrue();
        assertThat(leaving.replacing(leaving.copies().get("a-c2"))).isFalse();
    }
}
