package dev.stowage.domain.store;

import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * The streams of {@code versions} that have an event above the version given for each: those that changed since
     * they were read at it. As strongly consistent as {@link #read}; stores answer for many streams in one request.
     */
    default Set<String> changedSince(Map<String, Long> versions) {
        return versions.entrySet().stream()
                .filter(known -> !read(known.getKey(), known.getValue()).isEmpty())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Appends {@code events} as versions {@code expectedVersion + 1 …} and returns them as stored. */
    List<EventEnvelope> append(
            String stream, long expectedVersion, List<? extends Event> events, AppendContext context);

    /** One stream's part of an {@link #appendAll}. */
    record Append(String stream, long expectedVersion, List<? extends Event> events) {
        public Append {
            events = List.copyOf(events);
        }
    }

    /**
     * Appends to several distinct streams at once, all or nothing: each part as {@link #append} would, and if any
     * stream is past its part's expected version, {@link ConcurrencyConflict} and nothing is written to any. Returns
     * the stored envelopes of every part, in order; a part without events writes and checks nothing. A store that
     * cannot (a test's fake) appends a single part only.
     */
    default List<EventEnvelope> appendAll(List<Append> appends, AppendContext context) {
        if (appends.size() != 1) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " appends to one stream at a time");
        }
        Append only = appends.getFirst();
        return append(only.stream(), only.expectedVersion(), only.events(), context);
    }
}
