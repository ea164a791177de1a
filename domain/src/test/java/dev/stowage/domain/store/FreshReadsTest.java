package dev.stowage.domain.store;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.SPEC;
import static dev.stowage.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreshReadsTest {
    private final CountingStore events = new CountingStore();
    private final InferenceComponentDecider decider =
            new InferenceComponentDecider(ARNS, InstanceTypeCatalog.standard());
    private final FreshReads<InferenceComponentState> reads =
            new FreshReads<>(events, stream -> CommandService.fold(decider, stream));

    @Test
    void a_second_load_reads_only_the_streams_that_changed() {
        create("a");
        create("b");
        create("c");
        assertThat(reads.load(streams("a", "b", "c", "gone"))).hasSize(4);
        assertThat(events.reads).hasSize(4);
        events.reads.clear();

        events.append(
                StreamIds.inferenceComponent("b"),
                1,
                List.of(new InferenceComponentEvent.DesiredCopyCountSet(3, CopyCountCause.API, T0)),
                new AppendContext(T0, "test", "test"));
        create("gone");
        Map<String, InferenceComponentState> states = reads.load(streams("a", "b", "c", "gone"));

        assertThat(events.reads).containsExactlyInAnyOrder("inference-component/b", "inference-component/gone");
        assertThat(((InferenceComponentState.Present) states.get("inference-component/b")).desiredCopyCount())
                .isEqualTo(3);
        assertThat(states.get("inference-component/gone")).isInstanceOf(InferenceComponentState.Present.class);
        assertThat(((InferenceComponentState.Present) states.get("inference-component/a")).desiredCopyCount())
                .isEqualTo(1);
    }

    private static List<String> streams(String... names) {
        return Arrays.stream(names).map(StreamIds::inferenceComponent).toList();
    }

    private void create(String name) {
        events.append(
                StreamIds.inferenceComponent(name),
                0,
                List.of(new InferenceComponentEvent.Created(
                        name, ARNS.inferenceComponent(name), "e", ARNS.endpoint("e"), "AllTraffic", SPEC, 1, T0)),
                new AppendContext(T0, "test", "test"));
    }

    /** The in-memory store, counting the streams read one by one (changedSince is answered in one request). */
    private static final class CountingStore implements EventStore {
        private final InMemoryEventStore store = new InMemoryEventStore();
        final List<String> reads = new ArrayList<>();

        @Override
        public List<EventEnvelope> read(String stream, long afterVersion) {
            reads.add(stream);
            return store.read(stream, afterVersion);
        }

        @Override
        public Set<String> changedSince(Map<String, Long> versions) {
            return store.changedSince(versions);
        }

        @Override
        public List<EventEnvelope> append(
                String stream, long expectedVersion, List<? extends Event> events, AppendContext context) {
            return store.append(stream, expectedVersion, events, context);
        }
    }
}
