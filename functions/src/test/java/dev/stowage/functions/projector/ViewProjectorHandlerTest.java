package dev.stowage.functions.projector;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.views.InMemoryViewStore;
import dev.stowage.domain.views.Projector;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.domain.views.ViewRow;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import dev.stowage.functions.dynamodb.StreamRecords;
import dev.stowage.functions.dynamodb.ViewRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewProjectorHandlerTest {
    private static final String IC_STREAM = "inference-component/ic";
    private static final String MODEL_STREAM = "model/m";
    private static final String BROKEN_STREAM = "inference-component/broken";

    private final StubEventStore events = new StubEventStore();
    private final InMemoryViewStore views = new InMemoryViewStore();
    private final List<String> batches = new ArrayList<>();
    private final ViewProjectorHandler handler = new ViewProjectorHandler(
            new Projector(events, views),
            (records, streams, failed, took) ->
                    batches.add(records + " records, " + streams + " streams" + (failed ? ", failed" : "")));

    @Test
    void duplicatedWakeUpsProjectOnceAndAFailureInTheMiddleIsReported() {
        events.add(
                IC_STREAM,
                new InferenceComponentEvent.Created(
                        "ic",
                        ViewRows.ARN + "inference-component/ic",
                        "ep",
                        ViewRows.ARN + "endpoint/ep",
                        "AllTraffic",
                        ViewRows.SPEC,
                        2,
                        ViewRows.T0));
        events.add(IC_STREAM, new InferenceComponentEvent.InService(ViewRows.T1));
        events.add(MODEL_STREAM, new ModelEvent.Created("m", ViewRows.ARN + "model/m", ViewRows.SPEC, ViewRows.T0));

        StreamsEventResponse response = handler.handleRequest(
                event(
                        record(IC_STREAM, 1, "100"),
                        record(IC_STREAM, 2, "101"),
                        record(BROKEN_STREAM, 1, "102"),
                        record(MODEL_STREAM, 1, "103"),
                        record(IC_STREAM, 1, "104")),
                context());

        assertThat(response.getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("102");
        assertThat(events.reads.stream().filter(IC_STREAM::equals)).hasSize(1);
        ViewRow ic = views.get(ViewKind.INFERENCE_COMPONENT, "ic").orElseThrow();
        assertThat(ic.status()).contains(InferenceComponentStatus.IN_SERVICE.wireName());
        assertThat(ic.lastVersion()).isEqualTo(2);
        assertThat(views.get(ViewKind.MODEL, "m")).isPresent();

        // Lambda redelivers from the failed record on: already applied streams are no-ops.
        events.broken = false;
        StreamsEventResponse retry = handler.handleRequest(
                event(record(BROKEN_STREAM, 1, "102"), record(MODEL_STREAM, 1, "103"), record(IC_STREAM, 1, "104")),
                context());
        assertThat(retry.getBatchItemFailures()).isEmpty();
        assertThat(views.get(ViewKind.INFERENCE_COMPONENT, "ic")).contains(ic);
        assertThat(batches).containsExactly("5 records, 2 streams, failed", "3 records, 3 streams");
    }

    @Test
    void recordsWithoutAStreamKeyAreSkipped() {
        DynamodbEvent.DynamodbStreamRecord foreign = new DynamodbEvent.DynamodbStreamRecord();
        foreign.setDynamodb(new StreamRecord().withSequenceNumber("7").withKeys(Map.of("id", new AttributeValue("x"))));

        assertThat(handler.handleRequest(event(foreign), context()).getBatchItemFailures())
                .isEmpty();
    }

    private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
        return StreamRecords.event(records);
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String stream, long version, String sequenceNumber) {
        return StreamRecords.record(stream, version, sequenceNumber);
    }

    private static Context context() {
        return StreamRecords.context(new ArrayList<>());
    }

    /** Records each read; reads of {@link #BROKEN_STREAM} fail while {@link #broken} is set. */
    private static final class StubEventStore implements EventStore {
        final List<String> reads = new ArrayList<>();
        final Map<String, List<EventEnvelope>> streams = new HashMap<>();
        boolean broken = true;

        void add(String stream, Event event) {
            List<EventEnvelope> all = streams.computeIfAbsent(stream, key -> new ArrayList<>());
            long version = all.size() + 1;
            all.add(new EventEnvelope(
                    AppendContext.eventId(stream, version), stream, version, ViewRows.T0, "c", "c", event));
        }

        @Override
        public List<EventEnvelope> read(String stream, long afterVersion) {
            reads.add(stream);
            if (broken && stream.equals(BROKEN_STREAM)) {
                throw new IllegalStateException("throttled");
            }
            List<EventEnvelope> all = streams.getOrDefault(stream, List.of());
            return List.copyOf(all.subList((int) afterVersion, all.size()));
        }

        @Override
        public List<EventEnvelope> append(
                String stream, long expectedVersion, List<? extends Event> events, AppendContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
