package dev.stowage.functions.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.EventTooLarge;
import dev.stowage.events.Document;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.ModelEvent;
import dev.stowage.events.codec.EventCodec;
import dev.stowage.events.codec.UnreadableEvent;
import dev.stowage.testing.DynamoDbLocal;
import dev.stowage.testing.EventStoreConformance;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The conformance suite and the DynamoDB specifics, on DynamoDB Local with one table for the class. */
class DynamoDbEventStoreIT extends EventStoreConformance {
    private static final DynamoDbClient CLIENT = DynamoDbLocal.client();
    private static final EventsTable TABLE = new EventsTable(DynamoDbLocal.uniqueName("events"));

    private final DynamoDbEventStore store = new DynamoDbEventStore(CLIENT, TABLE);

    @BeforeAll
    static void createTable() {
        TABLE.createIfMissing(CLIENT);
    }

    @Override
    protected EventStore newStore() {
        return new DynamoDbEventStore(CLIENT, TABLE);
    }

    @Test
    void stores_one_item_per_event_with_the_documented_attributes() {
        String stream = newStream();
        store.append(stream, 0, List.of(CREATED), CONTEXT);

        Map<String, AttributeValue> item = CLIENT.getItem(request -> request.tableName(TABLE.name())
                        .key(EventItem.key(stream, 1))
                        .consistentRead(true))
                .item();

        assertThat(item)
                .containsEntry("stream", AttributeValue.fromS(stream))
                .containsEntry("version", AttributeValue.fromN("1"))
                .containsEntry("type", AttributeValue.fromS("model.created"))
                .containsEntry("schema", AttributeValue.fromN("1"))
                .containsEntry("eventId", AttributeValue.fromS(stream + "#1"))
                .containsEntry("recordedAt", AttributeValue.fromS("2026-03-01T10:20:00.123456789Z"))
                .containsEntry("correlationId", AttributeValue.fromS("correlation-1"))
                .containsEntry("causationId", AttributeValue.fromS("causation-1"))
                .containsOnlyKeys(
                        "stream",
                        "version",
                        "type",
                        "schema",
                        "data",
                        "eventId",
                        "recordedAt",
                        "correlationId",
                        "causationId");
        assertThat(item.get("data").s()).contains("\"modelName\":\"llm\"").contains("\"description\":{}");
    }

    @Test
    void refuses_an_event_larger_than_an_item_and_its_view_can_hold_and_writes_nothing() {
        String stream = newStream();
        Document huge = Document.of(
                JsonNodeFactory.instance.objectNode().put("Environment", "x".repeat(EventTooLarge.MAX_BYTES)));
        Event tooLarge = new ModelEvent.Created("llm", "arn:aws:sagemaker:us-east-1:123456789012:model/llm", huge, T1);

        assertThatThrownBy(() -> store.append(stream, 0, List.of(CREATED, tooLarge), CONTEXT))
                .isInstanceOf(EventTooLarge.class)
                .hasMessage("The request is too large for Stowage to store: the resource it describes (" + stream
                        + ") takes 307361 bytes, and Stowage stores at most 307200 bytes per change. Send fewer or"
                        + " shorter values (Environment entries, containers, tags).");
        assertThat(store.read(stream)).isEmpty();
    }

    @Test
    void appends_up_to_100_events_in_one_transaction_and_refuses_more() {
        String stream = newStream();
        List<Event> tooMany = Collections.nCopies(101, DELETED);

        assertThatThrownBy(() -> store.append(stream, 0, tooMany, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("At most 100");
        assertThat(store.read(stream)).isEmpty();

        assertThat(store.append(stream, 0, tooMany.subList(0, 100), CONTEXT)).hasSize(100);
        assertThat(store.read(stream))
                .hasSize(100)
                .last()
                .extracting(EventEnvelope::version)
                .isEqualTo(100L);
    }

    @Test
    void reads_a_stream_larger_than_one_query_page() {
        String stream = newStream();
        // DynamoDB returns at most 1 MB per query page; 120 events of 10 KB need two.
        Document large = Document.empty().with("blob", TextNode.valueOf("x".repeat(10_000)));
        List<Event> events = Collections.nCopies(60, new ModelEvent.Created("llm", "arn", large, T0));
        store.append(stream, 0, events, CONTEXT);
        store.append(stream, 60, events, CONTEXT);

        boolean firstPageIsPartial = CLIENT.query(request -> request.tableName(TABLE.name())
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", "stream"))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(stream))))
                .hasLastEvaluatedKey();
        List<EventEnvelope> all = store.read(stream);

        assertThat(firstPageIsPartial).isTrue();

        assertThat(all).hasSize(120);
        assertThat(all.getLast().version()).isEqualTo(120);
        assertThat(all.getLast().event()).isEqualTo(events.getFirst());
    }

    @Test
    void an_item_of_an_unknown_type_is_a_clear_error() {
        String stream = newStream();
        Map<String, AttributeValue> item =
                new HashMap<>(EventItem.of(stream, 1, new EventCodec().encode(DELETED), CONTEXT));
        item.put("type", AttributeValue.fromS("model.renamed"));
        CLIENT.putItem(request -> request.tableName(TABLE.name()).item(item));

        assertThatThrownBy(() -> store.read(stream))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("model.renamed");
    }
}
