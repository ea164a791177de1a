package dev.stowage.domain.fleet;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.SPEC;
import static dev.stowage.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.app.AppendContext;
import dev.stowage.domain.app.CommandService;
import dev.stowage.domain.app.EventStore;
import dev.stowage.domain.app.InMemoryEventStore;
import dev.stowage.domain.app.StreamIds;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComponentReadsTest {
    private final CountingStore events = new CountingStore();
    private final ComponentReads reads = new ComponentReads(
            events,
            new CommandService(events, Clock.fixed(T0, ZoneOffset.UTC)),
            new InferenceComponentDecider(ARNS, InstanceTypeCatalog.standard()));

    @Test
    void a_second_round_reads_only_the_components_that_changed() {
        create("a");
        create("b");
        create("c");
        assertThat(reads.load(List.of("a", "b", "c", "gone"))).hasSize(4);
        assertThat(events.reads).hasSize(4);
        events.reads.clear();

        events.append(
                StreamIds.inferenceComponent("b"),
                1,
                List.of(new InferenceComponentEvent.DesiredCopyCountSet(3, CopyCountCause.API, T0)),
                new AppendContext(T0, "test", "test"));
        create("gone");
        Map<String, InferenceComponentState> states = reads.load(List.of("a", "b", "c", "gone"));

        assertThat(events.reads).containsExactlyInAnyOrder("inference-component/b", "inference-component/gone");
        assertThat(((InferenceComponentState.Present) states.get("b")).desiredCopyCount())
                .isEqualTo(3);
        assertThat(states.get("gone")).isInstanceOf(InferenceComponentState.Present.class);
        assertThat(((InferenceComponentState.Present) states.get("a")).desiredCopyCount())
                .isEqualTo(1);
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
