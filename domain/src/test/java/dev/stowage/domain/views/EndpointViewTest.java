package dev.stowage.domain.views;

import static dev.stowage.domain.views.Fixtures.CONFIG;
import static dev.stowage.domain.views.Fixtures.CONFIG_2;
import static dev.stowage.domain.views.Fixtures.ENDPOINT_STREAM;
import static dev.stowage.domain.views.Fixtures.T0;
import static dev.stowage.domain.views.Fixtures.T1;
import static dev.stowage.domain.views.Fixtures.T2;
import static dev.stowage.domain.views.Fixtures.T3;
import static dev.stowage.domain.views.Fixtures.endpointCreated;
import static dev.stowage.domain.views.Fixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointViewTest {

    private static List<EventEnvelope> stream(EndpointEvent... events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (EndpointEvent event : events) {
            envelopes.add(envelope(ENDPOINT_STREAM, envelopes.size() + 1, event));
        }
        return envelopes;
    }

    @Test
    void followsTheLifecycle() {
        EndpointRow creating =
                EndpointView.describe(stream(endpointCreated(T0))).orElseThrow();
        assertThat(creating.endpointStatus()).isEqualTo(EndpointStatus.CREATING);
        assertThat(creating.endpointConfig()).isEqualTo(CONFIG);
        assertThat(creating.status()).contains("Creating");

        EndpointRow updating = EndpointView.describe(stream(
                        endpointCreated(T0),
                        new EndpointEvent.InService(T1),
                        new EndpointEvent.Updated("cfg2", CONFIG_2, T2)))
                .orElseThrow();
        assertThat(updating.endpointStatus()).isEqualTo(EndpointStatus.UPDATING);
        assertThat(updating.endpointConfigName()).isEqualTo("cfg2");
        assertThat(updating.endpointConfig()).isEqualTo(CONFIG_2);
        assertThat(updating.creationTime()).isEqualTo(T0);
        assertThat(updating.lastModifiedTime()).isEqualTo(T2);

        EndpointRow failed = EndpointView.describe(stream(endpointCreated(T0), new EndpointEvent.Failed("quota", T1)))
                .orElseThrow();
        assertThat(failed.endpointStatus()).isEqualTo(EndpointStatus.FAILED);
        assertThat(failed.failureReason()).contains("quota");

        EndpointRow deleting = EndpointView.describe(stream(endpointCreated(T0), new EndpointEvent.DeletionStarted(T1)))
                .orElseThrow();
        assertThat(deleting.endpointStatus()).isEqualTo(EndpointStatus.DELETING);

        assertThat(EndpointView.describe(stream(
                        endpointCreated(T0), new EndpointEvent.DeletionStarted(T1), new EndpointEvent.Deleted(T2))))
                .isEmpty();
    }

    @Test
    void createdAfterDeletedStartsAFreshRow() {
        EndpointRow row = EndpointView.describe(stream(
                        endpointCreated(T0),
                        new EndpointEvent.Failed("quota", T1),
                        new EndpointEvent.Deleted(T2),
                        endpointCreated(T3)))
                .orElseThrow();

        assertThat(row.endpointStatus()).isEqualTo(EndpointStatus.CREATING);
        assertThat(row.failureReason()).isEmpty();
        assertThat(row.creationTime()).isEqualTo(T3);
        assertThat(row.lastVersion()).isEqualTo(4);
    }
}
