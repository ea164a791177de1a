package dev.stowage.functions.dynamodb;

import dev.stowage.functions.hostkeys.KeyRingStore;
import dev.stowage.functions.hostkeys.KeyRingStoreContract;
import dev.stowage.testing.DynamoDbLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The host key ring as a row of the views table on DynamoDB Local keeps the store's contract. */
class DynamoDbKeyRingStoreIT extends KeyRingStoreContract {
    private final DynamoDbClient client = DynamoDbLocal.client();

    @Override
    protected KeyRingStore store() {
        String table = DynamoDbLocal.uniqueName("views");
        ViewsTable.createIfMissing(client, table);
        return new DynamoDbKeyRingStore(client, table);
    }
}
