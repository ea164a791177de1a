package dev.stowage.functions.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The {@code views} table: partition key {@code id} (S), a row's stream id such as {@code
 * inference-component/my-ic} or a checkpoint's {@code checkpoint#<stream>}; a global secondary index
 * {@code kind-index} ({@code kind} partition, {@code id} sort, all attributes) that lists one kind with a
 * Query; TTL on {@code expiresAt} for liveness rows. On AWS the CDK stack declares the same table; this
 * helper is for local mode and tests.
 */
public final class ViewsTable {
    public static final String DEFAULT_NAME = "views";
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String LAST_VERSION = "lastVersion";
    public static final String EXPIRES_AT = "expiresAt";

    private ViewsTable() {}

    /** Creates table {@code tableName} with its index and TTL unless it exists; waits until it is active. */
    public static void createIfMissing(DynamoDbClient client, String tableName) {
        try {
            client.describeTable(r -> r.tableName(tableName));
        } catch (ResourceNotFoundException missing) {
            create(client, tableName);
        }
        client.waiter().waitUntilTableExists(r -> r.tableName(tableName));
        TimeToLiveStatus ttl = client.describeTimeToLive(r -> r.tableName(tableName))
                .timeToLiveDescription()
                .timeToLiveStatus();
        if (ttl != TimeToLiveStatus.ENABLED && ttl != TimeToLiveStatus.ENABLING) {
            client.updateTimeToLive(r -> r.tableName(tableName)
                    .timeToLiveSpecification(s -> s.attributeName(EXPIRES_AT).enabled(true)));
        }
    }

    private static void create(DynamoDbClient client, String tableName) {
        try {
            client.createTable(r -> r.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder()
                                    .attributeName(ID)
                                    .attributeType(ScalarAttributeType.S)
                                    .build(),
                            AttributeDefinition.builder()
                                    .attributeName(KIND)
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                    .keySchema(key(ID, KeyType.HASH))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(ViewItemSchema.KIND_INDEX)
                            .keySchema(key(KIND, KeyType.HASH), key(ID, KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .build()));
        } catch (ResourceInUseException createdMeanwhile) {
            // Another process created it between describe and create: that is what we wanted.
        }
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }
}
