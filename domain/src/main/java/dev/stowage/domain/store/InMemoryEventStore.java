package dev.stowage.domain.store;

import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.codec.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link EventStore} in memory, for tests and the simulator. Events are kept in their stored form and
 * pass through {@link EventCodec} on append and on read, so a codec mistake fails here as it would against
 * DynamoDB. Appending no events writes nothing and returns an empty list.
 */
public final class InMemoryEventStore implements EventStore {
    private final EventCodec codec;
    private final Map<String, List<StoredEvent>> streams = new ConcurrentHashMap<>();

    public InMemoryEventStore() {
        this(new EventCodec());
    }

    public InMemoryEventStore(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public List<EventEnvelope> read(String stream, long afterVersion) {
        List<StoredEvent> events = streams.get(stream);
        if (events == null) {
            return List.of();
        }
        List<StoredEvent> tail;
        synchronized (events) {
            int from = (int) Math.min(Math.max(afterVersion, 0), events.size());
            tail = List.copyOf(events.subList(from, events.size()));
        }
        return tail.stream().map(stored -> stored.toEnvelope(codec)).toList();
    }

    @Override
    public List<EventEnvelope> append(
            String stream, long expectedVersion, List<? extends Event> events, AppendContext context) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative: " + expectedVersion);
        }
        if (events.isEmpty()) {
            return List.of();
        }
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            stored.add(StoredEvent.of(stream, expectedVersion + 1 + i, codec.encode(events.get(i)), context));
        }
        List<StoredEvent> log = streams.computeIfAbsent(stream, ignored -> new ArrayList<>());
        synchronized (log) {
            if (log.size() != expectedVersion) {
                throw new ConcurrencyConflict(stream, expectedVersion);
            }
            log.addAll(stored);
        }
        return stored.stream().map(event -> event.toEnvelope(codec)).toList();
    }
}
