package dev.stowage.testing;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One in-memory DynamoDB Local per test JVM, started on first use (≈1 s). It is a real DynamoDB: conditional
 * writes, transactions and streams behave as on AWS. Tests isolate themselves by table name ({@link
 * #uniqueName}), not by starting another instance.
 */
public final class DynamoDbLocal {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile AmazonDynamoDBLocal instance;

    private DynamoDbLocal() {}

    public static DynamoDbClient client() {
        return local().dynamoDbClient();
    }

    public static DynamoDbStreamsClient streams() {
        return local().dynamoDbStreamsClient();
    }

    /** {@code prefix} followed by a number no other caller in this JVM gets. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet();
    }

    private static AmazonDynamoDBLocal local() {
        AmazonDynamoDBLocal local = instance;
        if (local == null) {
            synchronized (DynamoDbLocal.class) {
                local = instance;
                if (local == null) {
                    local = DynamoDBEmbedded.create(false);
                    instance = local;
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown));
                }
            }
        }
        return local;
    }
}
