package dev.stowage.domain.app;

import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import java.util.List;

/**
 * The append-only log of every stream.
 *
 * <p>Reads are strongly consistent: an event whose append returned is seen by every later read. Versions
 * in a stream start at 1 and are contiguous. An append is all or nothing and succeeds only when the
 * stream's last version is {@code expectedVersion} (0 for an empty stream); otherwise it throws {@link
 * ConcurrencyConflict} and writes nothing. Implementations are safe for concurrent use.
 */
public interface EventStore {

    /** The events of {@code stream} with a version above {@code afterVersion}, oldest first. */
    List<EventEnvelope> read(String stream, long afterVersion);

    default List<EventEnvelope> read(String stream) {
        return read(stream, 0);
    }

    /** Appends {@code events} as versions {@code expectedVersion + 1 …} and returns them as stored. */
    List<EventEnvelope> append(
            String stream, long expectedVersion, List<? extends Event> events, AppendContext context);
}
