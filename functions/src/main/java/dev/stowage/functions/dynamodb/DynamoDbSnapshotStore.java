package dev.stowage.functions.dynamodb;

import dev.stowage.domain.store.SnapshotStore;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Snapshots as rows of the {@code views} table ({@code id = snapshot#<stream>}), the state as a binary
 * attribute. A save is conditional on being newer than the stored one.
 */
public final class DynamoDbSnapshotStore implements SnapshotStore {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbSnapshotStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<Snapshot> load(String stream) {
        Map<String, AttributeValue> item = client.getItem(get ->
                        get.tableName(table).consistentRead(true).key(Map.of("id", AttributeValue.fromS(id(stream)))))
                .item();
        if (item == null || !item.containsKey("state")) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(
                Long.parseLong(item.get("version").n()), item.get("state").b().asByteArray()));
    }

    @Override
    public void save(String stream, Snapshot snapshot) {
        String version = Long.toString(snapshot.version());
        try {
            client.putItem(put -> put.tableName(table)
                    .item(Map.of(
                            "id", AttributeValue.fromS(id(stream)),
                            "version", AttributeValue.fromN(version),
                            "state", AttributeValue.fromB(SdkBytes.fromByteArray(snapshot.state()))))
                    .conditionExpression("attribute_not_exists(version) OR version < :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(version))));
        } catch (ConditionalCheckFailedException newer) {
            // A newer snapshot is already stored.
        }
    }

    private static String id(String stream) {
        return "snapshot#" + stream;
    }
}
