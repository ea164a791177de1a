package dev.stowage.domain.store;

import dev.stowage.events.EventEnvelope;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Streams folded as they are now, for a reader that reads the same streams again and again (a reactor's rounds, a
 * dashboard per change). What was folded is kept with the version it was folded at; before each use one {@link
 * EventStore#changedSince} asks which of the kept streams changed, and only those are read again. Answers are as
 * fresh as a consistent read of every stream, at a cost of one request per hundred streams plus one per change.
 * Keeps the {@value #CAPACITY} most recently used streams. Safe for concurrent use.
 *
 * @param <T> what a stream is folded into
 */
public final class FreshReads<T> {
    static final int CAPACITY = 10_000;

    private record Folded<T>(long version, T value) {}

    private final EventStore events;
    private final Function<List<EventEnvelope>, T> fold;
    private final Map<String, Folded<T>> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Folded<T>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** {@code fold} makes the value of a whole stream from its events, oldest first (none for an empty stream). */
    public FreshReads(EventStore events, Function<List<EventEnvelope>, T> fold) {
        this.events = events;
        this.fold = fold;
    }

    /** The value of each of {@code streams} now, by stream, in the order given. */
    public Map<String, T> load(Collection<String> streams) {
        Map<String, Long> versions = new LinkedHashMap<>();
        synchronized (kept) {
            for (String stream : streams) {
                Folded<T> known = kept.get(stream);
                if (known != null) {
                    versions.put(stream, known.version());
                }
            }
        }
        Set<String> changed = events.changedSince(versions);
        Map<String, T> values = new LinkedHashMap<>();
        for (String stream : streams) {
            Folded<T> folded = null;
            if (versions.containsKey(stream) && !changed.contains(stream)) {
                synchronized (kept) {
                    folded = kept.get(stream);
                }
            }
            if (folded == null || folded.version() != versions.get(stream)) {
                List<EventEnvelope> read = events.read(stream);
                folded = new Folded<>(read.isEmpty() ? 0 : read.getLast().version(), fold.apply(read));
                synchronized (kept) {
                    kept.put(stream, folded);
                }
            }
            values.put(stream, folded.value());
        }
        return values;
    }
}
