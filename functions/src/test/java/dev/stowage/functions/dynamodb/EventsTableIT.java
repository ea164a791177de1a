package dev.stowage.functions.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class EventsTableIT {
    private final DynamoDbClient client = DynamoDbLocal.client();

    @Test
    void creates_the_table_once_with_its_keys_billing_and_stream() {
        EventsTable table = new EventsTable(DynamoDbLocal.uniqueName("events"));

        table.createIfMissing(client);
        table.createIfMissing(client);

        TableDescription description =
                client.describeTable(request -> request.tableName(table.name())).table();
        assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(description.keySchema())
                .containsExactly(
                        KeySchemaElement.builder()
                                .attributeName("stream")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("version")
                                .keyType(KeyType.RANGE)
                                .build());
        assertThat(description.attributeDefinitions())
                .extracting(definition -> definition.attributeName() + ":" + definition.attributeTypeAsString())
                .containsExactlyInAnyOrder("stream:S", "version:N");
        assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(description.streamSpecification().streamEnabled()).isTrue();
        assertThat(description.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
    }
}
