package dev.stowage.functions.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.views.Projector;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.domain.views.Views;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.testing.DynamoDbLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Projectors racing on one stream through real conditional transactions end with the stream's view. */
class DynamoDbProjectionRaceTest {
    private static final String STREAM = "inference-component/ic";

    @Test
    void concurrentProjectorsConverge() throws Exception {
        DynamoDbViewStore store = DynamoDbViewStore.create(DynamoDbLocal.client(), table());
        List<EventEnvelope> stream = new ArrayList<>();
        EventStore events = new EventStore() {
            @Override
            public synchronized List<EventEnvelope> read(String id, long afterVersion) {
                return List.copyOf(stream.subList((int) afterVersion, stream.size()));
            }

            @Override
            public List<EventEnvelope> append(
                    String id, long expectedVersion, List<? extends Event> batch, AppendContext context) {
                throw new UnsupportedOperationException();
            }
        };
        List<Event> script = List.of(
                new InferenceComponentEvent.Created(
                        "ic", "arn:ic", "ep", "arn:ep", "AllTraffic", ViewRows.SPEC, 1, ViewRows.T0),
                new InferenceComponentEvent.InService(ViewRows.T1),
                new InferenceComponentEvent.DesiredCopyCountSet(
                        3, CopyCountCause.AUTOSCALING, ViewRows.T1.plusSeconds(1)),
                new InferenceComponentEvent.InService(ViewRows.T1.plusSeconds(2)));

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Event event : script) {
                synchronized (events) {
                    long version = stream.size() + 1;
                    stream.add(
                            new EventEnvelope(STREAM + "#" + version, STREAM, version, ViewRows.T0, "c", "c", event));
                }
                List<Future<Integer>> racers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    racers.add(pool.submit(() -> new Projector(events, store).catchUp(STREAM)));
                }
                int applied = 0;
                for (Future<Integer> racer : racers) {
                    applied += racer.get();
                }
                assertThat(applied).isEqualTo(1);
            }
        }

        assertThat(store.load(STREAM).row()).isEqualTo(Views.describe(ViewKind.INFERENCE_COMPONENT, stream));
        assertThat(store.checkpoint(STREAM)).isEqualTo(4);
    }

    private static String table() {
        String name = DynamoDbLocal.uniqueName("views");
        ViewsTable.createIfMissing(DynamoDbLocal.client(), name);
        return name;
    }
}
