package dev.stowage.functions.config;

import dev.stowage.domain.Arns;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.LivenessStore;
import dev.stowage.domain.store.SnapshotStore;
import dev.stowage.domain.views.ViewStore;
import dev.stowage.functions.dynamodb.DynamoDbEventStore;
import dev.stowage.functions.dynamodb.DynamoDbKeyRingStore;
import dev.stowage.functions.dynamodb.DynamoDbLivenessStore;
import dev.stowage.functions.dynamodb.DynamoDbSnapshotStore;
import dev.stowage.functions.dynamodb.DynamoDbViewStore;
import dev.stowage.functions.dynamodb.EventsTable;
import dev.stowage.functions.hostkeys.KeyRingStore;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The event store, the views (with fleet snapshots, host heartbeats and the hosts' key ring, kept in the views table)
 * of one deployment, and the region and account its ARNs name.
 *
 * <p>In a Lambda container they come from the environment: {@code EVENTS_TABLE} (default {@code events}),
 * {@code VIEWS_TABLE} (default {@code views}), {@code AWS_REGION} (set by Lambda) and {@code
 * STOWAGE_ACCOUNT_ID}.
 */
public record Stores(
        EventStore events,
        ViewStore views,
        SnapshotStore snapshots,
        LivenessStore liveness,
        KeyRingStore keyRing,
        Arns arns) {

    public static Stores dynamoDb(DynamoDbClient client, String eventsTable, String viewsTable, Arns arns) {
        return new Stores(
                new DynamoDbEventStore(client, new EventsTable(eventsTable)),
                DynamoDbViewStore.create(client, viewsTable),
                new DynamoDbSnapshotStore(client, viewsTable),
                new DynamoDbLivenessStore(client, viewsTable),
                new DynamoDbKeyRingStore(client, viewsTable),
                arns);
    }

    /** The stores of a Lambda container, built once per container from its environment. */
    public static Stores fromEnvironment() {
        Map<String, String> env = Environment.variables();
        Arns arns = new Arns(
                env.getOrDefault("AWS_REGION", "us-east-1"), env.getOrDefault("STOWAGE_ACCOUNT_ID", "000000000000"));
        return dynamoDb(
                DynamoDbClient.create(),
                env.getOrDefault("EVENTS_TABLE", "events"),
                env.getOrDefault("VIEWS_TABLE", "views"),
                arns);
    }
}
