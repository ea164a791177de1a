package dev.stowage.domain.store;

import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.codec.EventCodec;
import java.util.ArrayList;
import java.util.Comparator;
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
        return appendAll(List.of(new Append(stream, expectedVersion, events)), context);
    }

    @Override
    public List<EventEnvelope> appendAll(List<Append> parts, AppendContext context) {
        List<Append> appends =
                parts.stream().filter(part -> !part.events().isEmpty()).toList();
        if (appends.stream().map(Append::stream).distinct().count() != appends.size()) {
            throw new IllegalArgumentException("Each stream may appear in one part only");
        }
        List<List<StoredEvent>> stored = new ArrayList<>();
        for (Append append : appends) {
            if (append.expectedVersion() < 0) {
                throw new IllegalArgumentException("expectedVersion must not be negative: " + append.expectedVersion());
            }
            List<StoredEvent> part = new ArrayList<>();
            for (int i = 0; i < append.events().size(); i++) {
                part.add(StoredEvent.of(
                        append.stream(),
                        append.expectedVersion() + 1 + i,
                        codec.encode(append.events().get(i)),
                        context));
            }
            stored.add(part);
        }
        // Streams are locked in name order, so two multi-stream appends never wait on each other in a circle.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> appends.get(i).stream()));
        appendLocked(appends, stored, order, 0);
        return stored.stream()
                .flatMap(List::stream)
                .map(event -> event.toEnvelope(codec))
                .toList();
    }

    private void appendLocked(List<Append> appends, List<List<StoredEvent>> stored, List<Integer> order, int next) {
        if (next == order.size()) {
            for (Append append : appends) {
                if (log(append.stream()).size() != append.expectedVersion()) {
                    throw new ConcurrencyConflict(append.stream(), append.expectedVersion());
                }
            }
            for (int i = 0; i < appends.size(); i++) {
                log(appends.get(i).stream()).addAll(stored.get(i));
            }
            return;
        }
        synchronized (log(appends.get(order.get(next)).stream())) {
            appendLocked(appends, stored, order, next + 1);
        }
    }

    private List<StoredEvent> log(String stream) {
        return streams.computeIfAbsent(stream, ignored -> new ArrayList<>());
    }
}
