package dev.stowage.functions.dynamodb;

import static dev.stowage.functions.dynamodb.ViewRows.config;
import static dev.stowage.functions.dynamodb.ViewRows.endpoint;
import static dev.stowage.functions.dynamodb.ViewRows.ic;
import static dev.stowage.functions.dynamodb.ViewRows.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.views.StreamView;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.domain.views.ViewRow;
import dev.stowage.testing.DynamoDbLocal;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbViewStoreTest {
    private static final String IC_STREAM = "inference-component/ic";

    private DynamoDbViewStore store;

    @BeforeEach
    void createTable() {
        DynamoDbClient client = DynamoDbLocal.client();
        String table = DynamoDbLocal.uniqueName("views");
        ViewsTable.createIfMissing(client, table);
        ViewsTable.createIfMissing(client, table);
        store = DynamoDbViewStore.create(client, table);
    }

    @Test
    void everyKindRoundTripsExactly() {
        ViewRow[] rows = {
            ic("ic", InferenceComponentStatus.FAILED, 3), endpoint("ep", 2), model("m", 1), config("cfg", 1)
        };
        for (ViewRow row : rows) {
            assertThat(store.put(row, 0)).isTrue();
        }
        for (ViewRow row : rows) {
            assertThat(store.get(row.kind(), row.name())).contains(row);
            assertThat(store.load(row.stream()))
                    .isEqualTo(new StreamView(row.stream(), row.lastVersion(), Optional.of(row)));
        }
    }

    @Test
    void putIsConditionalOnTheCheckpoint() {
        assertThat(store.put(ic("ic", InferenceComponentStatus.CREATING, 1), 0)).isTrue();
        assertThat(store.put(ic("ic", InferenceComponentStatus.IN_SERVICE, 3), 1))
                .isTrue();

        // A writer that read version 1 (a lost race) or nothing at all is refused and changes nothing.
        assertThat(store.put(ic("ic", InferenceComponentStatus.UPDATING, 2), 1)).isFalse();
        assertThat(store.put(ic("ic", InferenceComponentStatus.UPDATING, 2), 0)).isFalse();
        assertThat(store.load(IC_STREAM).lastVersion()).isEqualTo(3);
        assertThat(store.get(ViewKind.INFERENCE_COMPONENT, "ic"))
                .contains(ic("ic", InferenceComponentStatus.IN_SERVICE, 3));
        assertThatThrownBy(() -> store.put(ic("ic", InferenceComponentStatus.IN_SERVICE, 3), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCheckpointOutlivesADeletedRowAndKeepsItDeleted() {
        store.put(ic("ic", InferenceComponentStatus.CREATING, 1), 0);

        assertThat(store.delete(IC_STREAM, 0, 2)).isFalse();
        assertThat(store.delete(IC_STREAM, 1, 2)).isTrue();

        assertThat(store.get(ViewKind.INFERENCE_COMPONENT, "ic")).isEmpty();
        assertThat(store.load(IC_STREAM)).isEqualTo(new StreamView(IC_STREAM, 2, Optional.empty()));
        // A duplicated old wake-up folded from nothing would write version 1 expecting 0: refused.
        assertThat(store.put(ic("ic", InferenceComponentStatus.CREATING, 1), 0)).isFalse();
        assertThat(store.list(ViewKind.INFERENCE_COMPONENT)).isEmpty();
        // The name reused: the stream continues from the checkpoint.
        assertThat(store.put(ic("ic", InferenceComponentStatus.CREATING, 3), 2)).isTrue();
        assertThat(store.get(ViewKind.INFERENCE_COMPONENT, "ic")).isPresent();
    }

    @Test
    void listsOneKindWithoutCheckpoints() {
        store.put(ic("a", InferenceComponentStatus.CREATING, 1), 0);
        store.put(ic("b", InferenceComponentStatus.IN_SERVICE, 2), 0);
        store.put(endpoint("a", 1), 0);
        store.put(model("a", 1), 0);
        store.delete("inference-component/gone", 0, 2);

        assertThat(store.list(ViewKind.INFERENCE_COMPONENT))
                .containsExactlyInAnyOrder(
                        ic("a", InferenceComponentStatus.CREATING, 1), ic("b", InferenceComponentStatus.IN_SERVICE, 2));
        assertThat(store.list(ViewKind.ENDPOINT)).containsExactly(endpoint("a", 1));
        assertThat(store.list(ViewKind.ENDPOINT_CONFIG)).isEmpty();
    }

    @Test
    void anAbsentStreamLoadsEmpty() {
        assertThat(store.load("model/none")).isEqualTo(StreamView.empty("model/none"));
        assertThat(store.checkpoint("model/none")).isZero();
    }
}
