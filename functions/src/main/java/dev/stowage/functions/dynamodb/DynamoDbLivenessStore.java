package dev.stowage.functions.dynamodb;

import dev.stowage.domain.store.LivenessStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Heartbeats as rows of the {@code views} table ({@code id = liveness#<fleet>#<instance>}), with {@code
 * expiresAt} set so DynamoDB's TTL sweeps rows of hosts long gone, and the progress of the host's loading copies ({@code
 * loading}, a map by copy id). A beat never moves a row backwards in time.
 */
public final class DynamoDbLivenessStore implements LivenessStore {
    private static final Duration KEEP = Duration.ofDays(1);

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbLivenessStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void beat(String fleetStream, String instanceId, Instant at, Map<String, String> loading) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(id(fleetStream, instanceId)));
        item.put("beatAt", AttributeValue.fromN(Long.toString(at.toEpochMilli())));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(at.plus(KEEP).getEpochSecond())));
        if (!loading.isEmpty()) {
            Map<String, AttributeValue> progress = new HashMap<>();
            loading.forEach((copy, text) -> progress.put(copy, AttributeValue.fromS(text)));
            item.put("loading", AttributeValue.fromM(progress));
        }
        try {
            client.putItem(put -> put.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(beatAt) OR beatAt < :at")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(Long.toString(at.toEpochMilli())))));
        } catch (ConditionalCheckFailedException newer) {
            // A later beat is already stored.
        }
    }

    @Override
    public Optional<Instant> lastBeat(String fleetStream, String instanceId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table)
                        .consistentRead(true)
                        .key(Map.of("id", AttributeValue.fromS(id(fleetStream, instanceId)))))
                .item();
        if (item == null || !item.containsKey("beatAt")) {
            return Optional.empty();
        }
        return Optional.of(
                Instant.ofEpochMilli(Long.parseLong(item.get("beatAt").n())));
    }

    @Override
    public Map<String, String> loading(String fleetStream, String instanceId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table)
                        .consistentRead(true)
                        .key(Map.of("id", AttributeValue.fromS(id(fleetStream, instanceId)))))
                .item();
        if (item == null || !item.containsKey("loading")) {
            return Map.of();
        }
        Map<String, String> progress = new TreeMap<>();
        item.get("loading").m().forEach((copy, text) -> progress.put(copy, text.s()));
        return progress;
    }

    private static String id(String fleetStream, String instanceId) {
        return "liveness#" + fleetStream + "#" + instanceId;
    }
}
