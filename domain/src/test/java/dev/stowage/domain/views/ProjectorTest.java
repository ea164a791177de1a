package dev.stowage.domain.views;

import static dev.stowage.domain.views.Fixtures.ENDPOINT_STREAM;
import static dev.stowage.domain.views.Fixtures.IC_STREAM;
import static dev.stowage.domain.views.Fixtures.MODEL_STREAM;
import static dev.stowage.domain.views.Fixtures.T0;
import static dev.stowage.domain.views.Fixtures.T1;
import static dev.stowage.domain.views.Fixtures.T2;
import static dev.stowage.domain.views.Fixtures.T3;
import static dev.stowage.domain.views.Fixtures.copies;
import static dev.stowage.domain.views.Fixtures.endpointCreated;
import static dev.stowage.domain.views.Fixtures.icCreated;
import static dev.stowage.domain.views.Fixtures.modelCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.events.EndpointEvent;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProjectorTest {
    private final FakeEventStore events = new FakeEventStore();
    private final InMemoryViewStore views = new InMemoryViewStore();
    private final Projector projector = new Projector(events, views);

    @Test
    void duplicatedReorderedAndRedundantWakeUpsEndTheSame() {
        events.add(IC_STREAM, icCreated(1, T0));
        events.add(ENDPOINT_STREAM, endpointCreated(T0));
        events.add(IC_STREAM, copies(3, T1));
        events.add(MODEL_STREAM, modelCreated(T0));
        events.add(ENDPOINT_STREAM, new EndpointEvent.InService(T1));
        events.add(MODEL_STREAM, new ModelEvent.Deleted(T2));
        events.add(IC_STREAM, new InferenceComponentEvent.InService(T2));

        List<String> wakeUps =
                List.of(IC_STREAM, MODEL_STREAM, IC_STREAM, ENDPOINT_STREAM, IC_STREAM, MODEL_STREAM, ENDPOINT_STREAM);
        for (String stream : wakeUps.reversed()) {
            projector.catchUp(stream);
        }
        for (String stream : wakeUps) {
            assertThat(projector.catchUp(stream)).isZero();
        }

        assertThat(views.get(ViewKind.INFERENCE_COMPONENT, "ic")).isEqualTo(describe(IC_STREAM));
        assertThat(views.get(ViewKind.ENDPOINT, "ep")).isEqualTo(describe(ENDPOINT_STREAM));
        assertThat(views.get(ViewKind.MODEL, "m")).isEmpty();
        assertThat(views.checkpoint(MODEL_STREAM)).isEqualTo(2);
        assertThat(views.checkpoint(IC_STREAM)).isEqualTo(3);
    }

    @Test
    void whatAnAppendReturnedIsProjectedWithoutReadingItBackUnlessTheViewsAreBehind() {
        EventEnvelope created = events.add(IC_STREAM, icCreated(1, T0));
        assertThat(projector.catchUp(IC_STREAM, List.of(created))).isEqualTo(1);
        assertThat(events.reads).as("reads").isZero();

        events.add(IC_STREAM, copies(3, T1));
        EventEnvelope inService = events.add(IC_STREAM, new InferenceComponentEvent.InService(T2));
        assertThat(projector.catchUp(IC_STREAM, List.of(inService)))
                .as("the views missed version 2: read from the checkpoint")
                .isEqualTo(2);
        assertThat(events.reads).isEqualTo(1);
        assertThat(projector.catchUp(IC_STREAM, List.of(inService))).isZero();
        assertThat(views.get(ViewKind.INFERENCE_COMPONENT, "ic")).isEqualTo(describe(IC_STREAM));
    }

    @Test
    void catchesUpIncrementallyAcrossDeleteAndReuse() {
        events.add(IC_STREAM, icCreated(1, T0));
        assertThat(projector.catchUp(IC_STREAM)).isEqualTo(1);
        events.add(IC_STREAM, new InferenceComponentEvent.Deleted(T1));
        assertThat(projector.catchUp(IC_STREAM)).isEqualTo(1);
        assertThat(views.get(ViewKind.INFERENCE_COMPONENT, "ic")).isEmpty();
        events.add(IC_STREAM, icCreated(2, T3));
        assertThat(projector.catchUp(IC_STREAM)).isEqualTo(1);

        InferenceComponentRow row = (InferenceComponentRow)
                views.get(ViewKind.INFERENCE_COMPONENT, "ic").orElseThrow();
        assertThat(row.creationTime()).isEqualTo(T3);
        assertThat(row.lastVersion()).isEqualTo(3);
    }

    @Test
    void theCheckpointKeepsAStaleWriterFromResurrectingADeletedRow() {
        events.add(IC_STREAM, icCreated(1, T0));
        events.add(IC_STREAM, new InferenceComponentEvent.Deleted(T1));
        projector.catchUp(IC_STREAM);
        InferenceComponentRow stale = InferenceComponentView.describe(
                        events.read(IC_STREAM, 0).subList(0, 1))
                .orElseThrow();

        assertThat(views.put(stale, 0)).isFalse();
        assertThat(views.get(ViewKind.INFERENCE_COMPONENT, "ic")).isEmpty();
    }

    @Test
    void aLostRaceIsReloadedAndRetried() {
        events.add(IC_STREAM, icCreated(1, T0));
        events.add(IC_STREAM, copies(2, T1));
        AtomicInteger puts = new AtomicInteger();
        ViewStore racing = new ForwardingViewStore(views) {
            @Override
            public boolean put(ViewRow row, long expectedLastVersion) {
                if (puts.getAndIncrement() == 0) {
                    // Another projector wins the first round with the first event only.
                    views.put(
                            InferenceComponentView.describe(
                                            events.read(IC_STREAM, 0).subList(0, 1))
                                    .orElseThrow(),
                            0);
                }
                return super.put(row, expectedLastVersion);
            }
        };

        assertThat(new Projector(events, racing).catchUp(IC_STREAM)).isEqualTo(1);
        assertThat(puts).hasValue(2);
        assertThat(views.get(ViewKind.INFERENCE_COMPONENT, "ic")).isEqualTo(describe(IC_STREAM));
    }

    @Test
    void givesUpWhenItLosesEveryRace() {
        events.add(IC_STREAM, icCreated(1, T0));
        ViewStore alwaysLosing = new ForwardingViewStore(views) {
            @Override
            public boolean put(ViewRow row, long expectedLastVersion) {
                return false;
            }
        };

        assertThatThrownBy(() -> new Projector(events, alwaysLosing).catchUp(IC_STREAM))
                .isInstanceOf(ProjectionContended.class);
    }

    @Test
    void streamsWithoutAViewAreIgnored() {
        assertThat(projector.catchUp("fleet/ep/AllTraffic")).isZero();
        assertThat(projector.catchUp("inference-component/")).isZero();
    }

    private Optional<ViewRow> describe(String stream) {
        return Views.describe(ViewKind.ofStream(stream).orElseThrow(), events.read(stream, 0));
    }
}
