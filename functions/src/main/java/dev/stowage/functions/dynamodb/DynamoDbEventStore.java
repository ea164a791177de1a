package dev.stowage.functions.dynamodb;

import static dev.stowage.functions.dynamodb.EventItem.n;
import static dev.stowage.functions.dynamodb.EventItem.s;

import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.ConcurrencyConflict;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.EventTooLarge;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The {@link EventStore} on the DynamoDB {@link EventsTable}: one item per event. One event is a
 * conditional {@code PutItem}; several are one {@code TransactWriteItems} (at most {@value
 * #MAX_EVENTS_PER_APPEND}), each put conditional on its version being free. Reads are strongly consistent
 * queries. Appending no events writes nothing and returns an empty list.
 */
public final class DynamoDbEventStore implements EventStore {
    /** DynamoDB's limit on actions in one transaction. */
    public static final int MAX_EVENTS_PER_APPEND = 100;
    /** DynamoDB's limit on keys in one {@code BatchGetItem}. */
    static final int MAX_KEYS_PER_BATCH_GET = 100;

    private static final String VERSION_IS_FREE = "attribute_not_exists(#v)";
    private static final Map<String, String> VERSION_NAME = Map.of("#v", EventsTable.VERSION);

    private final DynamoDbClient client;
    private final EventsTable table;
    private final EventCodec codec;

    public DynamoDbEventStore(DynamoDbClient client, EventsTable table) {
        this(client, table, new EventCodec());
    }

    public DynamoDbEventStore(DynamoDbClient client, EventsTable table, EventCodec codec) {
        this.client = client;
        this.table = table;
        this.codec = codec;
    }

    @Override
    public List<EventEnvelope> read(String stream, long afterVersion) {
        return client
                .queryPaginator(request -> request.tableName(table.name())
                        .keyConditionExpression("#s = :s AND #v > :after")
                        .expressionAttributeNames(Map.of("#s", EventsTable.STREAM, "#v", EventsTable.VERSION))
                        .expressionAttributeValues(Map.of(":s", s(stream), ":after", n(afterVersion)))
                        .consistentRead(true))
                .items()
                .stream()
                .map(item -> EventItem.toEnvelope(item, codec))
                .toList();
    }

    /**
     * One strongly consistent {@code BatchGetItem} per {@value #MAX_KEYS_PER_BATCH_GET} streams, of the key of each
     * stream's next version (keys only): a stream changed when that item exists. Unprocessed keys are asked again
     * after a short back-off.
     */
    @Override
    public Set<String> changedSince(Map<String, Long> versions) {
        List<Map<String, AttributeValue>> keys = versions.entrySet().stream()
                .map(known -> EventItem.key(known.getKey(), known.getValue() + 1))
                .toList();
        Set<String> changed = new HashSet<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_BATCH_GET) {
            List<Map<String, AttributeValue>> pending =
                    keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_BATCH_GET));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                backOff(attempt);
                KeysAndAttributes asked = KeysAndAttributes.builder()
                        .keys(pending)
                        .consistentRead(true)
                        .projectionExpression("#s")
                        .expressionAttributeNames(Map.of("#s", EventsTable.STREAM))
                        .build();
                BatchGetItemResponse response =
                        client.batchGetItem(request -> request.requestItems(Map.of(table.name(), asked)));
                response.responses().getOrDefault(table.name(), List.of()).stream()
                        .map(item -> item.get(EventsTable.STREAM).s())
                        .forEach(changed::add);
                KeysAndAttributes unprocessed = response.unprocessedKeys().get(table.name());
                pending = unprocessed == null ? List.of() : unprocessed.keys();
            }
        }
        return changed;
    }

    private static void backOff(int attempt) {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(1_000L, 20L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading which streams changed", e);
        }
    }

    @Override
    public List<EventEnvelope> append(
            String stream, long expectedVersion, List<? extends Event> events, AppendContext context) {
        return appendAll(List.of(new Append(stream, expectedVersion, events)), context);
    }

    /** One TransactWriteItems for every part (one PutItem for a single event): all are written or none. */
    @Override
    public List<EventEnvelope> appendAll(List<Append> parts, AppendContext context) {
        List<Append> appends =
                parts.stream().filter(part -> !part.events().isEmpty()).toList();
        int total = appends.stream().mapToInt(part -> part.events().size()).sum();
        if (total > MAX_EVENTS_PER_APPEND) {
            throw new IllegalArgumentException("At most " + MAX_EVENTS_PER_APPEND + " events per append, got " + total);
        }
        if (appends.stream().map(Append::stream).distinct().count() != appends.size()) {
            throw new IllegalArgumentException("Each stream may appear in one part only");
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>(total);
        for (Append append : appends) {
            if (append.expectedVersion() < 0) {
                throw new IllegalArgumentException("expectedVersion must not be negative: " + append.expectedVersion());
            }
            for (int i = 0; i < append.events().size(); i++) {
                items.add(item(
                        append.stream(),
                        append.expectedVersion() + 1 + i,
                        append.events().get(i),
                        context));
            }
        }
        if (items.isEmpty()) {
            return List.of();
        }
        appends.forEach(append -> requireVersionExists(append.stream(), append.expectedVersion()));
        Append first = appends.getFirst();
        try {
            write(items);
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            throw new ConcurrencyConflict(first.stream(), first.expectedVersion());
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size(); i++) {
                if (isConflict(reasons.get(i))) {
                    String stream = items.get(i).get(EventsTable.STREAM).s();
                    Append conflicted = appends.stream()
                            .filter(append -> append.stream().equals(stream))
                            .findFirst()
                            .orElse(first);
                    throw new ConcurrencyConflict(conflicted.stream(), conflicted.expectedVersion());
                }
            }
            throw e;
        }
        return items.stream().map(item -> EventItem.toEnvelope(item, codec)).toList();
    }

    private Map<String, AttributeValue> item(String stream, long version, Event event, AppendContext context) {
        EventCodec.Encoded encoded = codec.encode(event);
        long bytes = encoded.data().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > EventTooLarge.MAX_BYTES) {
            throw new EventTooLarge(stream, bytes);
        }
        return EventItem.of(stream, version, encoded, context);
    }

    /**
     * The conditional puts only prove that {@code expectedVersion + 1} is free; this proves {@code
     * expectedVersion} is taken, so the append cannot leave a gap. Items are never deleted, so a version
     * seen to exist keeps existing and checking it before the write is as good as checking it inside. A
     * strongly consistent GetItem (one read unit) is the cheapest way: a ConditionCheck in the transaction
     * would turn every single-event put into a transaction (double write units) and take one of its 100
     * action slots.
     */
    private void requireVersionExists(String stream, long expectedVersion) {
        if (expectedVersion == 0) {
            return;
        }
        boolean exists = client.getItem(request -> request.tableName(table.name())
                        .key(EventItem.key(stream, expectedVersion))
                        .projectionExpression("#v")
                        .expressionAttributeNames(VERSION_NAME)
                        .consistentRead(true))
                .hasItem();
        if (!exists) {
            throw new ConcurrencyConflict(stream, expectedVersion);
        }
    }

    private void write(List<Map<String, AttributeValue>> items) {
        if (items.size() == 1) {
            client.putItem(request -> request.tableName(table.name())
                    .item(items.getFirst())
                    .conditionExpression(VERSION_IS_FREE)
                    .expressionAttributeNames(VERSION_NAME));
            return;
        }
        List<TransactWriteItem> puts = items.stream()
                .map(item -> TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table.name())
                                .item(item)
                                .conditionExpression(VERSION_IS_FREE)
                                .expressionAttributeNames(VERSION_NAME)
                                .build())
                        .build())
                .toList();
        client.transactWriteItems(request -> request.transactItems(puts));
    }

    /**
     * A taken version, or another transaction writing the same version right now: either way another
     * writer is ahead, and the caller's answer is to read again and decide again.
     */
    private static boolean isConflict(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code()) || "TransactionConflict".equals(reason.code());
    }
}
