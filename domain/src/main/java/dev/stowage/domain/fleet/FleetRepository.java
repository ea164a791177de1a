package dev.stowage.domain.fleet;

import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.OnConflict;
import dev.stowage.domain.store.SnapshotStore;
import dev.stowage.domain.store.SnapshotStore.Snapshot;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.FleetEvent;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes fleet streams. A read starts from the latest snapshot and folds only the events after it;
 * when that tail has grown long, the read leaves a new snapshot behind. Commands are decided against the
 * state read and appended conditionally on its version; a lost race reads and decides again.
 */
public final class FleetRepository {
    static final int SNAPSHOT_AFTER = 200;

    private final EventStore events;
    private final SnapshotStore snapshots;
    private final FleetDecider decider = new FleetDecider();

    public FleetRepository(EventStore events, SnapshotStore snapshots) {
        this.events = events;
        this.snapshots = snapshots;
    }

    /** A fleet's state and the version it was read at. */
    public record Loaded(FleetState state, long version) {}

    public Loaded load(String stream) {
        Optional<Snapshot> snapshot = snapshots.load(stream);
        FleetState state = snapshot.flatMap(FleetRepository::decode).orElse(FleetState.EMPTY);
        long from = snapshot.filter(s -> decode(s).isPresent())
                .map(Snapshot::version)
                .orElse(0L);
        List<EventEnvelope> tail = events.read(stream, from);
        for (EventEnvelope envelope : tail) {
            state = decider.evolve(state, (FleetEvent) envelope.event());
        }
        long version = tail.isEmpty() ? from : tail.getLast().version();
        if (tail.size() >= SNAPSHOT_AFTER) {
            snapshots.save(stream, new Snapshot(version, FleetSnapshots.encode(state)));
        }
        return new Loaded(state, version);
    }

    /** Decides {@code command} against the current fleet and appends what it yields; returns the new state. */
    public FleetState handle(String stream, FleetCommand command, Clock clock, String correlationId) {
        return OnConflict.retry(() -> {
            Loaded loaded = load(stream);
            List<FleetEvent> decided = decider.decide(command, loaded.state());
            if (decided.isEmpty()) {
                return loaded.state();
            }
            append(stream, loaded.version(), decided, new AppendContext(clock.instant(), correlationId, correlationId));
            return fold(loaded.state(), decided);
        });
    }

    public void append(String stream, long expectedVersion, List<FleetEvent> decided, AppendContext context) {
        events.append(stream, expectedVersion, decided, context);
    }

    public FleetState fold(FleetState state, List<FleetEvent> more) {
        return decider.fold(state, more);
    }

    private static Optional<FleetState> decode(Snapshot snapshot) {
        try {
            return Optional.of(FleetSnapshots.decode(snapshot.state()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
