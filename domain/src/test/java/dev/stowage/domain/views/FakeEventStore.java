package dev.stowage.domain.views;

import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.ConcurrencyConflict;
import dev.stowage.domain.store.EventStore;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Just enough event store for the projector tests (the real in-memory one lives on another branch). */
final class FakeEventStore implements EventStore {
    private final Map<String, List<EventEnvelope>> streams = new HashMap<>();
    /** How many reads were made. */
    int reads;

    @Override
    public synchronized List<EventEnvelope> read(String stream, long afterVersion) {
        reads++;
        List<EventEnvelope> all = streams.getOrDefault(stream, List.of());
        return List.copyOf(all.subList((int) Math.min(afterVersion, all.size()), all.size()));
    }

    @Override
    public synchronized List<EventEnvelope> append(
            String stream, long expectedVersion, List<? extends Event> events, AppendContext context) {
        List<EventEnvelope> all = streams.computeIfAbsent(stream, key -> new ArrayList<>());
        if (all.size() != expectedVersion) {
            throw new ConcurrencyConflict(stream, expectedVersion);
        }
        List<EventEnvelope> stored = new ArrayList<>();
        for (Event event : events) {
            long version = all.size() + 1;
            EventEnvelope envelope = new EventEnvelope(
                    AppendContext.eventId(stream, version),
                    stream,
                    version,
                    context.recordedAt(),
                    context.correlationId(),
                    context.causationId(),
                    event);
            all.add(envelope);
            stored.add(envelope);
        }
        return stored;
    }

    /** Appends one event at the end of {@code stream}. */
    synchronized EventEnvelope add(String stream, Event event) {
        long version = streams.getOrDefault(stream, List.of()).size();
        return append(stream, version, List.of(event), new AppendContext(Fixtures.T0, "corr", "cause"))
                .getFirst();
    }
}
