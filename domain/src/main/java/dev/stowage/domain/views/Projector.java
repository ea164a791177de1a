package dev.stowage.domain.views;

import dev.stowage.domain.store.ConcurrencyConflict;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.OnConflict;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.EventEnvelope;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the {@link ViewStore} up to date with the {@link EventStore}, one stream at a time.
 *
 * <p>A stream record (DynamoDB Streams, a local poller, a test) is only a wake-up: the projector takes its
 * stream key, reads the stream's checkpoint and row, reads the events after the checkpoint, folds them and
 * writes row and checkpoint with a compare-and-set on the checkpoint. Duplicated, reordered, late or lost
 * wake-ups therefore converge on the same views, as long as some wake-up for the stream arrives after its
 * last append. Two projectors racing on one stream are safe: the loser reloads and retries.
 */
public final class Projector {
    private final EventStore events;
    private final ViewStore views;

    public Projector(EventStore events, ViewStore views) {
        this.events = events;
        this.views = views;
    }

    /**
     * Applies every event of {@code stream} the views have not seen. Streams no view folds (fleet,
     * scalable target, …) are ignored.
     *
     * @return how many events this call applied (0 when the views were up to date)
     * @throws ProjectionContended when the write lost the race {@value OnConflict#MAX_ATTEMPTS} times in a row
     */
    public int catchUp(String stream) {
        Optional<ViewKind> kind = ViewKind.ofStream(stream);
        if (kind.isEmpty() || StreamIds.nameOf(stream).isEmpty()) {
            return 0;
        }
        try {
            return OnConflict.retry(() -> {
                StreamView stored = views.load(stream);
                List<EventEnvelope> pending = events.read(stream, stored.lastVersion());
                if (pending.isEmpty()) {
                    return 0;
                }
                if (!write(kind.get(), stored, pending)) {
                    throw new ConcurrencyConflict(stream, stored.lastVersion());
                }
                return pending.size();
            });
        } catch (ConcurrencyConflict lost) {
            throw new ProjectionContended(stream, OnConflict.MAX_ATTEMPTS);
        }
    }

    /**
     * Applies the events an append just wrote ({@code appended}, as it returned them) without reading them back, when
     * they are exactly what the views have not seen yet; otherwise (the views are behind, or another writer got
     * there first) catches up as {@link #catchUp(String)} does.
     *
     * @return how many events this call applied
     */
    public int catchUp(String stream, List<EventEnvelope> appended) {
        Optional<ViewKind> kind = ViewKind.ofStream(stream);
        if (appended.isEmpty() || kind.isEmpty() || StreamIds.nameOf(stream).isEmpty()) {
            return catchUp(stream);
        }
        StreamView stored = views.load(stream);
        if (appended.getFirst().version() == stored.lastVersion() + 1 && write(kind.get(), stored, appended)) {
            return appended.size();
        }
        return catchUp(stream);
    }

    private boolean write(ViewKind kind, StreamView stored, List<EventEnvelope> pending) {
        Optional<ViewRow> row = stored.row();
        for (EventEnvelope envelope : pending) {
            row = Views.apply(kind, row, envelope);
        }
        long applied = pending.getLast().version();
        if (row.isEmpty()) {
            return views.delete(stored.stream(), stored.lastVersion(), applied);
        }
        if (!row.get().stream().equals(stored.stream())) {
            throw new IllegalStateException(
                    "Stream " + stored.stream() + " folds into the row of " + row.get().stream());
        }
        // A present row whose version did not move means the pending events changed nothing it shows.
        return row.get().lastVersion() <= stored.lastVersion() || views.put(row.get(), stored.lastVersion());
    }
}
