package dev.stowage.functions.dynamodb;

import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The {@code events} table (DESIGN §3): partition key {@code stream} (S), sort key {@code version} (N), one
 * item per event, on-demand billing, and a {@code NEW_IMAGE} stream whose records wake projectors and
 * reactors.
 */
public record EventsTable(String name) {
    public static final String STREAM = "stream";
    public static final String VERSION = "version";
    public static final String TYPE = "type";
    public static final String SCHEMA = "schema";
    public static final String DATA = "data";
    public static final String EVENT_ID = "eventId";
    public static final String RECORDED_AT = "recordedAt";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /** Creates the table unless it exists, then waits until it is ACTIVE. Safe to call concurrently. */
    public void createIfMissing(DynamoDbClient client) {
        try {
            client.describeTable(request -> request.tableName(name));
        } catch (ResourceNotFoundException missing) {
            create(client);
        }
        client.waiter().waitUntilTableExists(request -> request.tableName(name), config -> config.backoffStrategyV2(
                        BackoffStrategy.fixedDelay(Duration.ofSeconds(1)))
                .waitTimeout(Duration.ofMinutes(5)));
    }

    private void create(DynamoDbClient client) {
        try {
            client.createTable(request -> request.tableName(name)
                    .attributeDefinitions(
                            attribute(STREAM, ScalarAttributeType.S), attribute(VERSION, ScalarAttributeType.N))
                    .keySchema(key(STREAM, KeyType.HASH), key(VERSION, KeyType.RANGE))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(
                            stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        } catch (ResourceInUseException createdMeanwhile) {
            // Another caller created it between our describe and create; the waiter below covers both.
        }
    }

    private static AttributeDefinition attribute(String attribute, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(attribute)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }
}
