package dev.stowage.domain.views;

import static dev.stowage.domain.views.Fixtures.ARN;
import static dev.stowage.domain.views.Fixtures.CONFIG;
import static dev.stowage.domain.views.Fixtures.MODEL_STREAM;
import static dev.stowage.domain.views.Fixtures.SPEC;
import static dev.stowage.domain.views.Fixtures.T0;
import static dev.stowage.domain.views.Fixtures.T1;
import static dev.stowage.domain.views.Fixtures.T2;
import static dev.stowage.domain.views.Fixtures.envelope;
import static dev.stowage.domain.views.Fixtures.modelCreated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.events.EndpointConfigEvent;
import dev.stowage.events.ModelEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelAndEndpointConfigViewTest {

    @Test
    void modelIsCreatedDeletedAndCreatedAgain() {
        ModelRow row = ModelView.describe(List.of(envelope(MODEL_STREAM, 1, modelCreated(T0))))
                .orElseThrow();
        assertThat(row).isEqualTo(new ModelRow("m", ARN + "model/m", SPEC, T0, T0, 1));

        assertThat(ModelView.describe(List.of(
                        envelope(MODEL_STREAM, 1, modelCreated(T0)),
                        envelope(MODEL_STREAM, 2, new ModelEvent.Deleted(T1)))))
                .isEmpty();

        assertThat(ModelView.describe(List.of(
                                envelope(MODEL_STREAM, 1, modelCreated(T0)),
                                envelope(MODEL_STREAM, 2, new ModelEvent.Deleted(T1)),
                                envelope(MODEL_STREAM, 3, modelCreated(T2))))
                        .orElseThrow())
                .isEqualTo(new ModelRow("m", ARN + "model/m", SPEC, T2, T2, 3));
    }

    @Test
    void endpointConfigIsCreatedAndDeleted() {
        String stream = "endpoint-config/cfg";
        EndpointConfigEvent.Created created =
                new EndpointConfigEvent.Created("cfg", ARN + "endpoint-config/cfg", CONFIG, T0);

        assertThat(EndpointConfigView.describe(List.of(envelope(stream, 1, created))))
                .contains(new EndpointConfigRow("cfg", ARN + "endpoint-config/cfg", CONFIG, T0, T0, 1));
        assertThat(EndpointConfigView.describe(List.of(
                        envelope(stream, 1, created), envelope(stream, 2, new EndpointConfigEvent.Deleted(T1)))))
                .isEmpty();
    }
}
