package dev.stowage.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store's own cases. The shared conformance suite runs against it from {@code functions}
 * ({@code InMemoryEventStoreConformanceTest}), because {@code test-resources} depends on this module.
 */
class InMemoryEventStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final String STREAM = StreamIds.model("llm");
    private static final AppendContext CONTEXT = new AppendContext(T0, "corr-1", "cause-1");
    private static final ModelEvent.Created CREATED =
            new ModelEvent.Created("llm", "arn:aws:sagemaker:us-east-1:123456789012:model/llm", Document.empty(), T0);
    private static final ModelEvent.Deleted DELETED = new ModelEvent.Deleted(T0);

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void appends_and_reads_envelopes_through_the_codec() {
        List<EventEnvelope> appended = store.append(STREAM, 0, List.of(CREATED, DELETED), CONTEXT);

        assertThat(store.read(STREAM)).isEqualTo(appended);
        assertThat(appended)
                .extracting(EventEnvelope::version, EventEnvelope::eventId)
                .containsExactly(tuple(1L, "model/llm#1"), tuple(2L, "model/llm#2"));
        assertThat(appended.getFirst().event()).isEqualTo(CREATED).isNotSameAs(CREATED);
    }

    @Test
    void stores_every_event_kind() {
        var copyCount = new InferenceComponentEvent.DesiredCopyCountSet(3, CopyCountCause.AUTOSCALING, T0);

        store.append("inference-component/ic", 0, List.of(copyCount), CONTEXT);

        assertThat(store.read("inference-component/ic").getFirst().event()).isEqualTo(copyCount);
    }

    @Test
    void refuses_a_stale_or_future_expected_version_and_writes_nothing() {
        store.append(STREAM, 0, List.of(CREATED), CONTEXT);

        assertThatThrownBy(() -> store.append(STREAM, 0, List.of(DELETED), CONTEXT))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThatThrownBy(() -> store.append(STREAM, 2, List.of(DELETED), CONTEXT))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(store.read(STREAM)).hasSize(1);
    }

    @Test
    void reads_after_a_version() {
        store.append(STREAM, 0, List.of(CREATED, DELETED, CREATED), CONTEXT);

        assertThat(store.read(STREAM, 2)).extracting(EventEnvelope::version).containsExactly(3L);
        assertThat(store.read(STREAM, 3)).isEmpty();
        assertThat(store.read(StreamIds.model("other"))).isEmpty();
    }

    @Test
    void an_empty_append_writes_nothing() {
        assertThat(store.append(STREAM, 0, List.of(), CONTEXT)).isEmpty();
        assertThat(store.read(STREAM)).isEmpty();
    }
}
