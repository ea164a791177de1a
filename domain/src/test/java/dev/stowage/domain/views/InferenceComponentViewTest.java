package dev.stowage.domain.views;

import static dev.stowage.domain.views.Fixtures.IC_STREAM;
import static dev.stowage.domain.views.Fixtures.SPEC;
import static dev.stowage.domain.views.Fixtures.SPEC_2;
import static dev.stowage.domain.views.Fixtures.T0;
import static dev.stowage.domain.views.Fixtures.T1;
import static dev.stowage.domain.views.Fixtures.T2;
import static dev.stowage.domain.views.Fixtures.T3;
import static dev.stowage.domain.views.Fixtures.T4;
import static dev.stowage.domain.views.Fixtures.copies;
import static dev.stowage.domain.views.Fixtures.envelope;
import static dev.stowage.domain.views.Fixtures.icCreated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.events.Document;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InferenceComponentViewTest {

    private static List<EventEnvelope> stream(InferenceComponentEvent... events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (InferenceComponentEvent event : events) {
            envelopes.add(envelope(IC_STREAM, envelopes.size() + 1, event));
        }
        return envelopes;
    }

    @Test
    void createdIsCreatingWithTheRequestAsGiven() {
        InferenceComponentRow row =
                InferenceComponentView.describe(stream(icCreated(2, T0))).orElseThrow();

        assertThat(row.componentStatus()).isEqualTo(InferenceComponentStatus.CREATING);
        assertThat(row.specification()).isEqualTo(SPEC);
        assertThat(row.desiredCopyCount()).isEqualTo(2);
        assertThat(row.currentCopyCount()).isZero();
        assertThat(row.endpointName()).isEqualTo("ep");
        assertThat(row.variantName()).isEqualTo("AllTraffic");
        assertThat(row.creationTime()).isEqualTo(T0);
        assertThat(row.lastModifiedTime()).isEqualTo(T0);
        assertThat(row.lastVersion()).isEqualTo(1);
        assertThat(row.stream()).isEqualTo(IC_STREAM);
    }

    @Test
    void changesWhileCreatingStayCreating() {
        InferenceComponentRow row = InferenceComponentView.describe(stream(
                        icCreated(2, T0), copies(3, T1), new InferenceComponentEvent.SpecificationUpdated(SPEC_2, T2)))
                .orElseThrow();

        assertThat(row.componentStatus()).isEqualTo(InferenceComponentStatus.CREATING);
        assertThat(row.desiredCopyCount()).isEqualTo(3);
        assertThat(row.specification()).isEqualTo(SPEC_2);
        assertThat(row.lastModifiedTime()).isEqualTo(T2);
        assertThat(row.lastVersion()).isEqualTo(3);
    }

    @Test
    void changesWhileInServiceAreUpdating() {
        InferenceComponentRow afterCount = InferenceComponentView.describe(
                        stream(icCreated(2, T0), new InferenceComponentEvent.InService(T1), copies(3, T2)))
                .orElseThrow();
        InferenceComponentRow afterSpec = InferenceComponentView.describe(stream(
                        icCreated(2, T0),
                        new InferenceComponentEvent.InService(T1),
                        new InferenceComponentEvent.SpecificationUpdated(SPEC_2, T2)))
                .orElseThrow();

        assertThat(afterCount.componentStatus()).isEqualTo(InferenceComponentStatus.UPDATING);
        assertThat(afterSpec.componentStatus()).isEqualTo(InferenceComponentStatus.UPDATING);
    }

    @Test
    void aRollbackRestoresTheSpecificationWithItsReasonAndKeepsTheLastDeploymentConfig() {
        var config = Document.of(JsonNodeFactory.instance.objectNode().put("Marker", "rolling"));
        InferenceComponentRow row = InferenceComponentView.describe(stream(
                        icCreated(2, T0),
                        new InferenceComponentEvent.InService(T1),
                        new InferenceComponentEvent.SpecificationUpdated(SPEC_2, T2),
                        new InferenceComponentEvent.DeploymentConfigured(config, T2),
                        new InferenceComponentEvent.UpdateRolledBack(SPEC, "alarm a is in ALARM", T3)))
                .orElseThrow();

        assertThat(row.specification()).isEqualTo(SPEC);
        assertThat(row.componentStatus()).isEqualTo(InferenceComponentStatus.UPDATING);
        assertThat(row.failureReason()).contains("alarm a is in ALARM");
        assertThat(row.lastDeploymentConfig()).contains(config);
        assertThat(row.lastModifiedTime()).isEqualTo(T3);
    }

    @Test
    void failedCarriesTheReasonAndInServiceClearsIt() {
        List<EventEnvelope> failed = stream(icCreated(1, T0), new InferenceComponentEvent.Failed("no capacity", T1));
        InferenceComponentRow row = InferenceComponentView.describe(failed).orElseThrow();
        assertThat(row.componentStatus()).isEqualTo(InferenceComponentStatus.FAILED);
        assertThat(row.failureReason()).contains("no capacity");

        Optional<InferenceComponentRow> recovered = InferenceComponentView.apply(
                Optional.of(row), envelope(IC_STREAM, 3, new InferenceComponentEvent.InService(T2)));
        assertThat(recovered.orElseThrow().componentStatus()).isEqualTo(InferenceComponentStatus.IN_SERVICE);
        assertThat(recovered.orElseThrow().failureReason()).isEmpty();
    }

    @Test
    void deletionStartedIsDeletingAndDeletedRemoves() {
        List<EventEnvelope> deleting = stream(icCreated(1, T0), new InferenceComponentEvent.DeletionStarted(T1));
        assertThat(InferenceComponentView.describe(deleting).orElseThrow().componentStatus())
                .isEqualTo(InferenceComponentStatus.DELETING);

        List<EventEnvelope> deleted = stream(
                icCreated(1, T0),
                new InferenceComponentEvent.DeletionStarted(T1),
                new InferenceComponentEvent.Deleted(T2));
        assertThat(InferenceComponentView.describe(deleted)).isEmpty();
    }

    @Test
    void aNameReusedAfterDeletionStartsAFreshRow() {
        List<EventEnvelope> reused = stream(
                icCreated(1, T0),
                new InferenceComponentEvent.InService(T1),
                new InferenceComponentEvent.Deleted(T2),
                icCreated(4, T3));

        InferenceComponentRow row = InferenceComponentView.describe(reused).orElseThrow();
        assertThat(row.componentStatus()).isEqualTo(InferenceComponentStatus.CREATING);
        assertThat(row.creationTime()).isEqualTo(T3);
        assertThat(row.desiredCopyCount()).isEqualTo(4);
        assertThat(row.lastVersion()).isEqualTo(4);
    }

    @Test
    void anEventAlreadyAppliedIsIgnored() {
        List<EventEnvelope> events = stream(icCreated(1, T0), copies(2, T1), copies(5, T4));
        Optional<InferenceComponentRow> row = InferenceComponentView.describe(events);

        Optional<InferenceComponentRow> replayed = row;
        for (EventEnvelope envelope : events) {
            replayed = InferenceComponentView.apply(replayed, envelope);
        }
        assertThat(replayed).isEqualTo(row);
        assertThat(row.orElseThrow().desiredCopyCount()).isEqualTo(5);
    }

    @Test
    void updatesOnAnAbsentRowAndEventsOfOtherStreamsChangeNothing() {
        assertThat(InferenceComponentView.apply(
                        Optional.empty(), envelope(IC_STREAM, 2, new InferenceComponentEvent.InService(T1))))
                .isEmpty();
        Optional<InferenceComponentRow> row = InferenceComponentView.describe(stream(icCreated(1, T0)));
        assertThat(InferenceComponentView.apply(row, envelope(IC_STREAM, 2, Fixtures.modelCreated(T1))))
                .isEqualTo(row);
    }
}
