package dev.stowage.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.stowage.local.dynamodb.LocalDynamoDb;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class StreamPollerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final StreamPollerConfig FAST =
            StreamPollerConfig.defaults().withRetries(5, Duration.ofMillis(10)).withPollInterval(Duration.ofMillis(20));

    private static LocalDynamoDb db;

    @BeforeAll
    static void startDynamoDb() {
        db = LocalDynamoDb.inMemory();
    }

    @AfterAll
    static void stopDynamoDb() {
        db.close();
    }

    @Test
    void recordsArriveInOrderPerKeyAsLambdaEvents() {
        String table = newTable();
        Recorder recorder = new Recorder(event -> null);
        try (var poller = StreamPoller.start(table, recorder, db.client(), db.streams(), FAST, failed -> {})) {
            for (int n = 1; n <= 10; n++) {
                for (String key : List.of("a", "b", "c")) {
                    put(table, key, n);
                }
            }
            await(() -> recorder.records().size() == 30);
        }
        for (String key : List.of("a", "b", "c")) {
            List<Integer> numbers = recorder.records().stream()
                    .filter(r -> r.getDynamodb().getKeys().get("pk").getS().equals(key))
                    .map(r ->
                            Integer.parseInt(r.getDynamodb().getKeys().get("sk").getN()))
                    .toList();
            assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
        var first = recorder.records().getFirst();
        assertThat(first.getEventName()).isEqualTo("INSERT");
        assertThat(first.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(first.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(first.getEventID()).isNotBlank();
        assertThat(first.getEventSourceARN()).contains(table).contains("/stream/");
        assertThat(first.getDynamodb().getStreamViewType()).isEqualTo("NEW_IMAGE");
        assertThat(first.getDynamodb().getSequenceNumber()).isNotBlank();
        assertThat(first.getDynamodb().getApproximateCreationDateTime()).isNotNull();
        assertThat(first.getDynamodb().getNewImage()).containsKeys("pk", "sk", "n");
    }

    @Test
    void convertsEveryAttributeType() {
        String table = newTable();
        db.client().putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", av("all"),
                        "sk", avN(1),
                        "b",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB(
                                        SdkBytes.fromUtf8String("x")),
                        "ss", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(List.of("p", "q")),
                        "ns", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNs(List.of("1", "2")),
                        "bs",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBs(
                                        List.of(SdkBytes.fromUtf8String("y"))),
                        "m",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(
                                        Map.of("inner", av("v"))),
                        "l",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(
                                        List.of(avN(7), av("w"))),
                        "bool", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true),
                        "nul", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNul(true))));
        Recorder recorder = new Recorder(event -> null);
        try (var poller = StreamPoller.start(table, recorder, db.client(), db.streams(), FAST, failed -> {})) {
            await(() -> recorder.records().size() == 1);
        }
        Map<String, AttributeValue> image =
                recorder.records().getFirst().getDynamodb().getNewImage();
        assertThat(image.get("pk").getS()).isEqualTo("all");
        assertThat(image.get("sk").getN()).isEqualTo("1");
        assertThat(image.get("b").getB()).isEqualTo(ByteBuffer.wrap("x".getBytes()));
        assertThat(image.get("ss").getSS()).containsExactlyInAnyOrder("p", "q");
        assertThat(image.get("ns").getNS()).containsExactlyInAnyOrder("1", "2");
        assertThat(image.get("bs").getBS()).containsExactly(ByteBuffer.wrap("y".getBytes()));
        assertThat(image.get("m").getM().get("inner").getS()).isEqualTo("v");
        assertThat(image.get("l").getL()).extracting(AttributeValue::getN).containsExactly("7", null);
        assertThat(image.get("l").getL().get(1).getS()).isEqualTo("w");
        assertThat(image.get("bool").getBOOL()).isTrue();
        assertThat(image.get("nul").getNULL()).isTrue();
    }

    @Test
    void aReportedItemFailureRetriesFromThatItemOnly() {
        String table = newTable();
        for (int n = 1; n <= 5; n++) {
            put(table, "k", n);
        }
        AtomicInteger calls = new AtomicInteger();
        Recorder recorder = new Recorder(event ->
                calls.incrementAndGet() == 1 ? failureOf(event.getRecords().get(2)) : null);
        try (var poller = StreamPoller.start(table, recorder, db.client(), db.streams(), FAST, failed -> {})) {
            await(() -> recorder.batches().size() == 2);
        }
        assertThat(recorder.batches()).containsExactly(List.of(1, 2, 3, 4, 5), List.of(3, 4, 5));
    }

    @Test
    void aThrowingHandlerSeesTheWholeBatchAgain() {
        String table = newTable();
        for (int n = 1; n <= 5; n++) {
            put(table, "k", n);
        }
        AtomicInteger calls = new AtomicInteger();
        Recorder recorder = new Recorder(event -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            return null;
        });
        try (var poller = StreamPoller.start(table, recorder, db.client(), db.streams(), FAST, failed -> {})) {
            await(() -> recorder.batches().size() == 2);
        }
        assertThat(recorder.batches()).containsExactly(List.of(1, 2, 3, 4, 5), List.of(1, 2, 3, 4, 5));
    }

    @Test
    void exhaustedRetriesGoToTheCallbackAndThePollerMovesOn() {
        String table = newTable();
        for (int n = 1; n <= 3; n++) {
            put(table, "k", n);
        }
        List<FailedBatch> failures = new CopyOnWriteArrayList<>();
        Recorder recorder = new Recorder(event -> {
            if (sk(event.getRecords().getFirst()) <= 3) {
                throw new IllegalStateException("poison");
            }
            return null;
        });
        var config = FAST.withRetries(2, Duration.ofMillis(5));
        try (var poller = StreamPoller.start(table, recorder, db.client(), db.streams(), config, failures::add)) {
            await(() -> failures.size() == 1);
            put(table, "k", 4);
            await(() -> recorder.batches().contains(List.of(4)));
        }
        FailedBatch failed = failures.getFirst();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).hasMessage("poison");
        assertThat(failed.tableName()).isEqualTo(table);
        assertThat(failed.records()).extracting(StreamPollerTest::sk).containsExactly(1, 2, 3);
        assertThat(recorder.batches())
                .containsExactly(List.of(1, 2, 3), List.of(1, 2, 3), List.of(1, 2, 3), List.of(4));
    }

    @Test
    void startingAtLatestSkipsWhatWasWrittenBefore() throws InterruptedException {
        String table = newTable();
        put(table, "k", 1);
        Recorder recorder = new Recorder(event -> null);
        var latest = FAST.withStartingPosition(StartingPosition.LATEST);
        try (var poller = StreamPoller.start(table, recorder, db.client(), db.streams(), latest, f -> {})) {
            // The poller takes its LATEST iterator at some point after start: write until a record gets through.
            for (int n = 2; recorder.records().isEmpty(); n++) {
                assertThat(n).as("records written before one arrived").isLessThan(200);
                put(table, "k", n);
                Thread.sleep(50);
            }
        }
        assertThat(recorder.records()).extracting(StreamPollerTest::sk).doesNotContain(1);
    }

    @Test
    void batchSizeBoundsEachInvocation() {
        String table = newTable();
        for (int n = 1; n <= 7; n++) {
            put(table, "k", n);
        }
        Recorder recorder = new Recorder(event -> null);
        try (var poller =
                StreamPoller.start(table, recorder, db.client(), db.streams(), FAST.withBatchSize(3), f -> {})) {
            await(() -> recorder.records().size() == 7);
        }
        assertThat(recorder.batches()).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
    }

    private static StreamsEventResponse failureOf(DynamodbEvent.DynamodbStreamRecord record) {
        return new StreamsEventResponse(List.of(
                new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
    }

    private static int sk(DynamodbEvent.DynamodbStreamRecord record) {
        return Integer.parseInt(record.getDynamodb().getKeys().get("sk").getN());
    }

    private static String newTable() {
        String table = "stream-test-" + TABLES.incrementAndGet();
        db.client().createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        return table;
    }

    private static void put(String table, String key, int n) {
        db.client().putItem(b -> b.tableName(table).item(Map.of("pk", av(key), "sk", avN(n), "n", avN(n))));
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue av(String s) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(s);
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue avN(int n) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Integer.toString(n));
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A test stream handler: records every batch it is given, then answers as told. */
    private static final class Recorder implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
        private final Function<DynamodbEvent, StreamsEventResponse> answer;
        private final List<List<DynamodbEvent.DynamodbStreamRecord>> received = new CopyOnWriteArrayList<>();

        Recorder(Function<DynamodbEvent, StreamsEventResponse> answer) {
            this.answer = answer;
        }

        @Override
        public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
            received.add(List.copyOf(event.getRecords()));
            return answer.apply(event);
        }

        List<List<Integer>> batches() {
            return received.stream()
                    .map(batch -> batch.stream().map(StreamPollerTest::sk).toList())
                    .toList();
        }

        List<DynamodbEvent.DynamodbStreamRecord> records() {
            return received.stream().flatMap(List::stream).toList();
        }
    }
}
