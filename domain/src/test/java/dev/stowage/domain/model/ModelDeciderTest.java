package dev.stowage.domain.model;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.T1;

import dev.stowage.domain.CommandRejected.Kind;
import dev.stowage.domain.DeciderSpec;
import dev.stowage.domain.model.ModelCommand.CreateModel;
import dev.stowage.domain.model.ModelCommand.DeleteModel;
import dev.stowage.events.Document;
import dev.stowage.events.ModelEvent;
import org.junit.jupiter.api.Test;

class ModelDeciderTest {
    private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:model/m";
    private final DeciderSpec<ModelCommand, ModelState, ModelEvent> spec = DeciderSpec.of(new ModelDecider(ARNS));

    @Test
    void creates_a_model() {
        spec.given()
                .when(new CreateModel("m", Document.empty(), T0))
                .then(new ModelEvent.Created("m", ARN, Document.empty(), T0));
    }

    @Test
    void refuses_a_duplicate_name() {
        spec.given(new ModelEvent.Created("m", ARN, Document.empty(), T0))
                .when(new CreateModel("m", Document.empty(), T1))
                .thenRejected("Cannot create already existing model \"" + ARN + "\".");
    }

    @Test
    void lowercases_the_name_in_its_arn_as_the_service_does() {
        spec.given()
                .when(new CreateModel("My-Model", Document.empty(), T0))
                .then(new ModelEvent.Created(
                        "My-Model", "arn:aws:sagemaker:us-east-1:123456789012:model/my-model", Document.empty(), T0));
    }

    @Test
    void deletes_a_model_and_frees_its_name() {
        spec.given(new ModelEvent.Created("m", ARN, Document.empty(), T0))
                .when(new DeleteModel("m", T1))
                .then(new ModelEvent.Deleted(T1));
        spec.given(new ModelEvent.Created("m", ARN, Document.empty(), T0), new ModelEvent.Deleted(T1))
                .when(new CreateModel("m", Document.empty(), T1))
                .then(new ModelEvent.Created("m", ARN, Document.empty(), T1));
    }

    @Test
    void deleting_an_unknown_model_is_not_found() {
        spec.given()
                .when(new DeleteModel("m", T0))
                .thenRejected(Kind.NOT_FOUND, "Could not find model \"" + ARN + "\".");
    }
}
