package dev.stowage.functions.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Heartbeats as rows of the views table on DynamoDB Local: the latest beat wins, with its loading copies' progress. */
class DynamoDbLivenessStoreIT {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final String FLEET = "fleet/ep/AllTraffic";

    private final DynamoDbClient client = DynamoDbLocal.client();
    private final String table = DynamoDbLocal.uniqueName("views");
    private final DynamoDbLivenessStore store;

    DynamoDbLivenessStoreIT() {
        ViewsTable.createIfMissing(client, table);
        store = new DynamoDbLivenessStore(client, table);
    }

    @Test
    void the_latest_beat_wins_and_carries_its_loading_copies_progress() {
        store.beat(FLEET, "i-1", T0.plusSeconds(10), Map.of("ic-c1", "pulling repo/m:1: 312 of 1,840 MiB"));
        store.beat(FLEET, "i-1", T0, Map.of("ic-c1", "an older word"));

        assertThat(store.lastBeat(FLEET, "i-1")).contains(T0.plusSeconds(10));
        assertThat(store.loading(FLEET, "i-1"))
                .containsExactly(Map.entry("ic-c1", "pulling repo/m:1: 312 of 1,840 MiB"));

        store.beat(FLEET, "i-1", T0.plusSeconds(20));
        assertThat(store.loading(FLEET, "i-1"))
                .as("a beat with nothing loading clears it")
                .isEmpty();
        assertThat(store.loading(FLEET, "i-2")).isEmpty();
        assertThat(store.lastBeat(FLEET, "i-2")).isEmpty();
    }
}
