package dev.stowage.functions.dynamodb;

import dev.stowage.functions.hostkeys.KeyRingStore;
import dev.stowage.functions.hostkeys.StoredKeyRing;
import dev.stowage.wire.hostapi.HostKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The host key ring as one row of the {@code views} table ({@code id = host-keys}), replaced by a put conditional on
 * the current key it expects (or on no row). The table is encrypted at rest, and the stack lets only the API
 * function's role at this row (it denies the other functions its key and scans); the secrets never enter the event
 * log, which is kept forever and read by every consumer (ADR 23).
 */
public final class DynamoDbKeyRingStore implements KeyRingStore {
    public static final String ID = "host-keys";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbKeyRingStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<StoredKeyRing> load() {
        Map<String, AttributeValue> item = client.getItem(
                        get -> get.tableName(table).consistentRead(true).key(Map.of("id", AttributeValue.fromS(ID))))
                .item();
        if (item == null || !item.containsKey("currentKeyId")) {
            return Optional.empty();
        }
        Optional<HostKey> previous = item.containsKey("previousKeyId")
                ? Optional.of(new HostKey(
                        item.get("previousKeyId").s(),
                        item.get("previousSecret").s()))
                : Optional.empty();
        return Optional.of(new StoredKeyRing(
                new HostKey(
                        item.get("currentKeyId").s(), item.get("currentSecret").s()),
                Instant.ofEpochMilli(Long.parseLong(item.get("currentSince").n())),
                previous));
    }

    @Override
    public boolean replace(Optional<StoredKeyRing> expected, StoredKeyRing next) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(ID));
        item.put("currentKeyId", AttributeValue.fromS(next.current().keyId()));
        item.put("currentSecret", AttributeValue.fromS(next.current().secret()));
        item.put(
                "currentSince",
                AttributeValue.fromN(Long.toString(next.currentSince().toEpochMilli())));
        next.previous().ifPresent(previous -> {
            item.put("previousKeyId", AttributeValue.fromS(previous.keyId()));
            item.put("previousSecret", AttributeValue.fromS(previous.secret()));
        });
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (expected.isEmpty()) {
            put.conditionExpression("attribute_not_exists(id)");
        } else {
            put.conditionExpression("currentKeyId = :expected")
                    .expressionAttributeValues(Map.of(
                            ":expected",
                            AttributeValue.fromS(expected.get().current().keyId())));
        }
        try {
            client.putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }
}
