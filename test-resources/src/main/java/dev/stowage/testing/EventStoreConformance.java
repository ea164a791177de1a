package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.ConcurrencyConflict;
import dev.stowage.domain.store.EventStore;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link EventStore} contract, run against every adapter: extend it and return a fresh store (or one
 * on a fresh table) from {@link #newStore()}. Each test uses stream ids no other test uses, so adapters may
 * share one table per class.
 */
public abstract class EventStoreConformance {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    protected static final Instant T1 = Instant.parse("2026-03-01T10:20:00.123456789Z");
    protected static final AppendContext CONTEXT = new AppendContext(T1, "correlation-1", "causation-1");
    protected static final ModelEvent.Created CREATED =
            new ModelEvent.Created("llm", "arn:aws:sagemaker:us-east-1:123456789012:model/llm", Document.empty(), T0);
    protected static final ModelEvent.Deleted DELETED = new ModelEvent.Deleted(T1);

    private static final AtomicInteger STREAMS = new AtomicInteger();

    private EventStore store;

    /** A store with no events in the streams this suite uses. */
    protected abstract EventStore newStore();

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    /** A stream id unique in this JVM. */
    protected static String newStream() {
        return "model/conformance-" + STREAMS.incrementAndGet();
    }

    @Test
    void an_unknown_stream_is_empty() {
        assertThat(store.read(newStream())).isEmpty();
        assertThat(store.read(newStream(), 3)).isEmpty();
    }

    @Test
    void changed_since_names_the_streams_with_events_above_the_version_given() {
        String untouched = newStream();
        String appended = newStream();
        String created = newStream();
        store.append(untouched, 0, List.of(CREATED), CONTEXT);
        store.append(appended, 0, List.of(CREATED), CONTEXT);
        store.append(appended, 1, List.of(DELETED), CONTEXT);
        store.append(created, 0, List.of(CREATED), CONTEXT);

        assertThat(store.changedSince(Map.of(untouched, 1L, appended, 1L, created, 0L, newStream(), 0L)))
                .containsExactlyInAnyOrder(appended, created);
        assertThat(store.changedSince(Map.of())).isEmpty();
    }

    @Test
    void changed_since_answers_for_more_streams_than_one_request_holds() {
        Map<String, Long> versions = new HashMap<>();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String stream = newStream();
            store.append(stream, 0, List.of(CREATED), CONTEXT);
            versions.put(stream, i % 2 == 0 ? 0L : 1L);
            if (i % 2 == 0) {
                changed.add(stream);
            }
        }

        assertThat(store.changedSince(versions)).containsExactlyInAnyOrderElementsOf(changed);
    }

    @Test
    void append_then_read_returns_envelopes_with_versions_ids_and_metadata() {
        String stream = newStream();
        List<Event> events = List.of(
                CREATED,
                new InferenceComponentEvent.DesiredCopyCountSet(2, CopyCountCause.AUTOSCALING, T1),
                new EndpointEvent.Failed("No capacity.", T1),
                DELETED);

        List<EventEnvelope> appended = store.append(stream, 0, events, CONTEXT);

        List<EventEnvelope> expected = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            long version = i + 1;
            expected.add(new EventEnvelope(
                    AppendContext.eventId(stream, version),
                    stream,
                    version,
                    T1,
                    "correlation-1",
                    "causation-1",
                    events.get(i)));
        }
        assertThat(appended).isEqualTo(expected);
        assertThat(store.read(stream)).isEqualTo(expected);
    }

    @Test
    void later_appends_continue_the_versions() {
        String stream = newStream();
        store.append(stream, 0, List.of(CREATED), CONTEXT);
        AppendContext second = new AppendContext(T0, "correlation-2", "causation-2");

        List<EventEnvelope> appended = store.append(stream, 1, List.of(DELETED), second);

        assertThat(appended)
                .containsExactly(new EventEnvelope(
                        AppendContext.eventId(stream, 2), stream, 2, T0, "correlation-2", "causation-2", DELETED));
        assertThat(store.read(stream)).extracting(EventEnvelope::version).containsExactly(1L, 2L);
    }

    @Test
    void a_stale_expected_version_conflicts_and_writes_nothing() {
        String stream = newStream();
        store.append(stream, 0, List.of(CREATED, DELETED), CONTEXT);

        assertThatThrownBy(() -> store.append(stream, 0, List.of(CREATED), CONTEXT))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThatThrownBy(() -> store.append(stream, 1, List.of(CREATED), CONTEXT))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, conflict -> {
                    assertThat(conflict.stream()).isEqualTo(stream);
                    assertThat(conflict.expectedVersion()).isEqualTo(1);
                });
        assertThat(store.read(stream)).extracting(EventEnvelope::event).containsExactly(CREATED, DELETED);
    }

    @Test
    void an_expected_version_past_the_end_is_refused_so_no_gap_appears() {
        String stream = newStream();
        store.append(stream, 0, List.of(CREATED, DELETED, CREATED, DELETED, CREATED), CONTEXT);

        assertThatThrownBy(() -> store.append(stream, 7, List.of(DELETED), CONTEXT))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThatThrownBy(() -> store.append(stream, 6, List.of(DELETED, CREATED), CONTEXT))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThatThrownBy(() -> store.append(newStream(), 2, List.of(CREATED), CONTEXT))
                .isInstanceOf(ConcurrencyConflict.class);

        assertThat(store.read(stream)).extracting(EventEnvelope::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(store.append(stream, 5, List.of(DELETED), CONTEXT))
                .extracting(EventEnvelope::version)
                .containsExactly(6L);
    }

    @Test
    void a_conflicting_multi_event_append_writes_none_of_its_events() {
        String stream = newStream();
        store.append(stream, 0, List.of(CREATED, DELETED), CONTEXT);

        // Versions 3 and 4 are free; only version 2 collides.
        assertThatThrownBy(() -> store.append(stream, 1, List.of(CREATED, DELETED, CREATED), CONTEXT))
                .isInstanceOf(ConcurrencyConflict.class);

        assertThat(store.read(stream)).extracting(EventEnvelope::version).containsExactly(1L, 2L);
        assertThat(store.read(stream, 2)).isEmpty();
    }

    @Test
    void an_append_to_several_streams_writes_every_part_in_order() {
        String first = newStream();
        String second = newStream();
        store.append(second, 0, List.of(CREATED), CONTEXT);

        List<EventEnvelope> stored = store.appendAll(
                List.of(
                        new EventStore.Append(first, 0, List.of(CREATED, DELETED)),
                        new EventStore.Append(second, 1, List.of(DELETED))),
                CONTEXT);

        assertThat(stored)
                .extracting(EventEnvelope::stream, EventEnvelope::version)
                .containsExactly(tuple(first, 1L), tuple(first, 2L), tuple(second, 2L));
        assertThat(store.read(first)).extracting(EventEnvelope::event).containsExactly(CREATED, DELETED);
        assertThat(store.read(second)).extracting(EventEnvelope::event).containsExactly(CREATED, DELETED);
    }

    @Test
    void an_append_to_several_streams_that_conflicts_on_one_writes_to_none() {
        String fresh = newStream();
        String moved = newStream();
        store.append(moved, 0, List.of(CREATED, DELETED), CONTEXT);

        assertThatThrownBy(() -> store.appendAll(
                        List.of(
                                new EventStore.Append(fresh, 0, List.of(CREATED)),
                                new EventStore.Append(moved, 1, List.of(CREATED))),
                        CONTEXT))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, conflict -> assertThat(conflict.stream())
                        .isEqualTo(moved));

        assertThat(store.read(fresh)).isEmpty();
        assertThat(store.read(moved)).hasSize(2);
    }

    @Test
    void racing_appends_to_two_streams_never_both_win() throws InterruptedException {
        String shared = newStream();
        List<String> own = List.of(newStream(), newStream(), newStream(), newStream());
        List<Thread> writers = new ArrayList<>();
        AtomicInteger won = new AtomicInteger();
        for (String stream : own) {
            writers.add(Thread.ofVirtual().start(() -> {
                try {
                    store.appendAll(
                            List.of(
                                    new EventStore.Append(stream, 0, List.of(CREATED)),
                                    new EventStore.Append(shared, 0, List.of(CREATED))),
                            CONTEXT);
                    won.incrementAndGet();
                } catch (ConcurrencyConflict lost) {
                    // another writer took version 1 of the shared stream
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(won).hasValue(1);
        assertThat(store.read(shared)).hasSize(1);
        assertThat(own.stream().mapToInt(stream -> store.read(stream).size()).sum())
                .isEqualTo(1);
    }

    @Test
    void reads_only_the_events_after_a_version() {
        String stream = newStream();
        store.append(stream, 0, List.of(CREATED, DELETED, CREATED, DELETED), CONTEXT);

        assertThat(store.read(stream, 2)).extracting(EventEnvelope::version).containsExactly(3L, 4L);
        assertThat(store.read(stream, 2)).extracting(EventEnvelope::event).containsExactly(CREATED, DELETED);
        assertThat(store.read(stream, 4)).isEmpty();
        assertThat(store.read(stream, 9)).isEmpty();
    }

    @Test
    void streams_are_independent() {
        String first = newStream();
        String second = newStream();

        store.append(first, 0, List.of(CREATED, DELETED), CONTEXT);
        store.append(second, 0, List.of(DELETED), CONTEXT);

        assertThat(store.read(first)).extracting(EventEnvelope::event).containsExactly(CREATED, DELETED);
        assertThat(store.read(second)).singleElement().satisfies(envelope -> {
            assertThat(envelope.version()).isEqualTo(1);
            assertThat(envelope.eventId()).isEqualTo(AppendContext.eventId(second, 1));
            assertThat(envelope.event()).isEqualTo(DELETED);
        });
    }

    @Test
    void racing_writers_lose_and_duplicate_nothing() throws InterruptedException {
        String stream = newStream();
        RacingWriters race = new RacingWriters(store, stream, 50, 4);

        race.run();

        List<EventEnvelope> all = store.read(stream);
        assertThat(all)
                .extracting(EventEnvelope::version)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 200).boxed().toList());
        for (int writer = 0; writer < 50; writer++) {
            String writerId = RacingWriters.writerId(writer);
            assertThat(all.stream()
                            .filter(envelope -> envelope.correlationId().equals(writerId))
                            .map(EventEnvelope::event)
                            .toList())
                    .as("events of writer %d, in order", writer)
                    .containsExactlyElementsOf(race.eventsOf(writer));
        }
    }
}
