package dev.stowage.domain.store;

import dev.stowage.domain.Decider;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import java.time.Clock;
import java.util.List;

/**
 * Runs one command: load the stream, fold it, decide, append conditionally. A lost race re-reads and
 * decides again, so two writers never both act on the same state.
 */
public final class CommandService {
    private final EventStore store;
    private final Clock clock;

    public CommandService(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The state of a stream and the version it was folded at. */
    public record Loaded<S>(S state, long version) {}

    public <C, S, E extends Event> Loaded<S> load(String stream, Decider<C, S, E> decider) {
        List<EventEnvelope> events = store.read(stream);
        long version = events.isEmpty() ? 0 : events.getLast().version();
        return new Loaded<>(fold(decider, events), version);
    }

    /** The state {@code decider} folds from a stream's envelopes, oldest first. */
    public static <C, S, E extends Event> S fold(Decider<C, S, E> decider, List<EventEnvelope> envelopes) {
        @SuppressWarnings("unchecked")
        List<E> facts = envelopes.stream().map(e -> (E) e.event()).toList();
        return decider.fold(facts);
    }

    /** Decides {@code command} against the current state and appends what it yields. */
    public <C, S, E extends Event> List<EventEnvelope> handle(
            String stream, Decider<C, S, E> decider, C command, String correlationId) {
        return OnConflict.retry(() -> {
            Loaded<S> loaded = load(stream, decider);
            List<E> events = decider.decide(command, loaded.state());
            if (events.isEmpty()) {
                return List.of();
            }
            return store.append(
                    stream, loaded.version(), events, new AppendContext(clock.instant(), correlationId, correlationId));
        });
    }
}
