package dev.stowage.domain.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.InMemorySnapshotStore;
import dev.stowage.domain.store.SnapshotStore;
import dev.stowage.events.FleetEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetRepositoryTest {
    private static final String STREAM = "fleet/e/AllTraffic";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
    private final FleetRepository repository = new FleetRepository(events, snapshots);

    /** An instance, then copies scheduled, loaded and removed again and again: a long stream. */
    private void appendLongHistory(int rounds) {
        List<FleetEvent> history = new ArrayList<>();
        history.add(new FleetEvent.InstanceRequested("i-1", "ml.g5.12xlarge", "min", T0));
        history.add(
                new FleetEvent.InstanceRegistered("i-1", "local:i-1", new FleetEvent.Capacity(47_000, 188_416, 4), T0));
        for (int n = 1; n <= rounds; n++) {
            history.add(new FleetEvent.CopyScheduled(
                    "ic", "ic-c" + n, "i-1", List.of(n % 4), 1000, 1024, "", "why", T0, T0));
            history.add(new FleetEvent.CopyLoaded("ic-c" + n, T0));
            if (n % 3 != 0) {
                history.add(new FleetEvent.CopyRemoved("ic-c" + n, T0));
            }
        }
        long version = 0;
        for (FleetEvent event : history) {
            events.append(STREAM, version++, List.of(event), new AppendContext(T0, "t", "t"));
        }
    }

    @Test
    void a_long_stream_leaves_a_snapshot_and_reads_from_it_give_the_same_state() {
        appendLongHistory(100);
        FleetRepository.Loaded folded = repository.load(STREAM);
        SnapshotStore.Snapshot snapshot = snapshots.load(STREAM).orElseThrow();
        assertThat(snapshot.version()).isEqualTo(folded.version());

        events.append(
                STREAM,
                folded.version(),
                List.of(new FleetEvent.CopyRemoved("ic-c3", T0)),
                new AppendContext(T0, "t", "t"));
        FleetRepository.Loaded fromSnapshot = repository.load(STREAM);
        FleetRepository.Loaded fromScratch = new FleetRepository(events, new InMemorySnapshotStore()).load(STREAM);
        assertThat(fromSnapshot).isEqualTo(fromScratch);
        assertThat(fromSnapshot.state().copies()).doesNotContainKey("ic-c3").containsKey("ic-c6");
        assertThat(fromSnapshot.state().usedCopyNumbers()).containsEntry("ic", 100);
    }

    @Test
    void an_unreadable_snapshot_is_ignored() {
        appendLongHistory(10);
        snapshots.save(STREAM, new SnapshotStore.Snapshot(5, new byte[] {1, 2, 3}));
        assertThat(repository.load(STREAM))
                .isEqualTo(new FleetRepository(events, new InMemorySnapshotStore()).load(STREAM));
    }
}
