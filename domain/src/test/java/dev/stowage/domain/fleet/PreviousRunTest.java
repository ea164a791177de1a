package dev.stowage.domain.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.InMemorySnapshotStore;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.FleetEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviousRunTest {
    private static final FleetKey FLEET = new FleetKey("e", "AllTraffic");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);

    private final InMemoryEventStore events = new InMemoryEventStore();
    private final FleetRepository repository = new FleetRepository(events, new InMemorySnapshotStore());

    @Test
    void every_instance_of_a_previous_run_is_lost_at_once_with_the_reason_and_its_copies_go_with_it() {
        events.append(
                FLEET.stream(),
                0,
                List.of(
                        new FleetEvent.InstanceRequested("i-1", "ml.g5.12xlarge", "min", T0),
                        new FleetEvent.InstanceRegistered(
                                "i-1", "local:i-1", new FleetEvent.Capacity(47_000, 188_416, 4), T0),
                        new FleetEvent.CopyScheduled("ic", "ic-c1", "i-1", List.of(0), 1000, 1024, "", "why", T0, T0),
                        new FleetEvent.InstanceRequested("i-2", "ml.g5.12xlarge", "more", T0)),
                new AppendContext(T0, "t", "t"));

        int lost = PreviousRun.declareHostsLost(List.of(FLEET), repository, Clock.fixed(T1, ZoneOffset.UTC));

        assertThat(lost).isEqualTo(2);
        assertThat(events.read(FLEET.stream(), 4))
                .extracting(EventEnvelope::event)
                .containsExactly(
                        new FleetEvent.InstanceLost("i-1", PreviousRun.WHY, T1),
                        new FleetEvent.InstanceLost("i-2", PreviousRun.WHY, T1));
        assertThat(repository.load(FLEET.stream()).state().instances()).isEmpty();
        assertThat(repository.load(FLEET.stream()).state().copies()).isEmpty();
    }
}
