package dev.stowage.domain.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.events.FleetEvent;
import dev.stowage.events.FleetEvent.Capacity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What ExplainPlacement tells, computed without JSON: room per instance, and per component its copies and why. */
class PlacementExplanationTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void an_instance_shows_what_its_copies_leave_free_and_a_component_what_is_pending_and_why() {
        FleetState fleet = new FleetDecider()
                .fold(List.of(
                        new FleetEvent.InstanceRequested("i-1", "ml.g5.12xlarge", "asked", T0),
                        new FleetEvent.InstanceRegistered("i-1", "http://i-1", new Capacity(44_000, 180_000, 4), T0),
                        new FleetEvent.InstanceRequested("i-2", "ml.g5.12xlarge", "asked", T0),
                        new FleetEvent.CopyScheduled(
                                "a", "a-c1", "i-1", List.of(0, 2), 2500, 4096, "", "placed", T0, T0),
                        new FleetEvent.CopyLoaded("a-c1", T0),
                        new FleetEvent.CopyScheduled("a", "a-c2", "i-1", List.of(1), 2500, 4096, "", "placed", T0, T0),
                        new FleetEvent.CopyFailed("a-c2", "The container exited with code 3.", "", T0),
                        new FleetEvent.PlacementBlocked("a", "MaxInstanceCount 1 reached", T0)));

        PlacementExplanation explanation = PlacementExplanation.of(
                fleet,
                List.of(new PlacementExplanation.Subject("a", InferenceComponentStatus.CREATING, 3, Optional.empty())),
                T0);

        assertThat(explanation.instances())
                .containsExactly(
                        new PlacementExplanation.Instance(
                                "i-1",
                                "ml.g5.12xlarge",
                                FleetInstanceRecord.Status.RUNNING,
                                Optional.of(new PlacementExplanation.Room(
                                        new Capacity(44_000, 180_000, 4),
                                        new Capacity(41_500, 175_904, 2),
                                        List.of(1, 3)))),
                        new PlacementExplanation.Instance(
                                "i-2", "ml.g5.12xlarge", FleetInstanceRecord.Status.REQUESTED, Optional.empty()));
        PlacementExplanation.Component a = explanation.components().getFirst();
        assertThat(a.currentCopyCount()).isEqualTo(1);
        assertThat(a.pendingCopyCount()).isEqualTo(2);
        assertThat(a.pendingReason()).contains("MaxInstanceCount 1 reached");
        assertThat(a.lastFailure()).contains("The container exited with code 3. (1 in a row)");
        assertThat(a.rollout()).isEmpty();
        assertThat(a.copies())
                .extracting(c -> c.record().copyId(), PlacementExplanation.Copy::runsCurrentSpecification)
                .containsExactly(tuple("a-c1", Optional.empty()));
    }
}
