package dev.stowage.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class LocalDynamoDbTest {
    private static final String TABLE = "things";
    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("a"));

    @Test
    void onDiskDataSurvivesARestart(@TempDir Path dir) {
        try (LocalDynamoDb db = LocalDynamoDb.onDisk(dir)) {
            createTable(db.client());
            db.client().putItem(b -> b.tableName(TABLE)
                    .item(Map.of("id", KEY.get("id"), "v", AttributeValue.fromN("42"))));
        }
        try (LocalDynamoDb db = LocalDynamoDb.onDisk(dir)) {
            var item = db.client()
                    .getItem(b -> b.tableName(TABLE).key(KEY).consistentRead(true))
                    .item();
            assertThat(item).containsEntry("v", AttributeValue.fromN("42"));
        }
    }

    @Test
    void inMemoryStartsEmpty() {
        try (LocalDynamoDb db = LocalDynamoDb.inMemory()) {
            assertThat(db.client().listTables().tableNames()).isEmpty();
            assertThat(db.endpoint().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
        try (LocalDynamoDb db = LocalDynamoDb.inMemory()) {
            int port = db.endpoint().getPort();
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
            assertThatThrownBy(() -> {
                        try (Socket outside = new Socket()) {
                            outside.connect(new InetSocketAddress(external.get(), port), 1000);
                        }
                    })
                    .isInstanceOf(IOException.class);
        }
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("id")
                        .keyType(KeyType.HASH)
                        .build()));
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(Inet4Address.class::isInstance)
                .findFirst();
    }
}
