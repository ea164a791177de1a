package dev.stowage.domain.endpoint;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.IC_CONFIG;
import static dev.stowage.domain.Fixtures.MODEL_CONFIG;
import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.T1;
import static dev.stowage.domain.Fixtures.T2;

import dev.stowage.domain.CommandRejected.Kind;
import dev.stowage.domain.DeciderSpec;
import dev.stowage.domain.endpoint.EndpointCommand.CreateEndpoint;
import dev.stowage.domain.endpoint.EndpointCommand.DeleteEndpoint;
import dev.stowage.domain.endpoint.EndpointCommand.UpdateEndpoint;
import dev.stowage.events.EndpointEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointDeciderTest {
    private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/e";
    private static final EndpointEvent CREATED = new EndpointEvent.Created("e", ARN, "c", IC_CONFIG, T0);
    private final DeciderSpec<EndpointCommand, EndpointState, EndpointEvent> spec =
            DeciderSpec.of(new EndpointDecider(ARNS));

    @Test
    void a_new_endpoint_is_creating_until_placement_reports_its_instances() {
        spec.given()
                .when(new CreateEndpoint("e", "c", Optional.of(IC_CONFIG), T0))
                .then(CREATED);
        spec.given(CREATED)
                .when(new EndpointCommand.MarkEndpointInService("e", T1))
                .then(new EndpointEvent.InService(T1));
        spec.given(CREATED, new EndpointEvent.InService(T1))
                .when(new EndpointCommand.MarkEndpointInService("e", T2))
                .thenNothing();
    }

    @Test
    void its_config_must_exist() {
        spec.given()
                .when(new CreateEndpoint("e", "c", Optional.empty(), T0))
                .thenRejected(
                        Kind.NOT_FOUND,
                        "Could not find endpoint configuration \"arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/c\".");
    }

    @Test
    void refuses_a_duplicate() {
        spec.given(CREATED, new EndpointEvent.InService(T0))
                .when(new CreateEndpoint("e", "c", Optional.of(IC_CONFIG), T1))
                .thenRejected("Cannot create already existing endpoint \"" + ARN + "\".");
    }

    @Test
    void updates_to_another_config() {
        spec.given(CREATED, new EndpointEvent.InService(T0))
                .when(new UpdateEndpoint("e", "c2", Optional.of(IC_CONFIG), T1))
                .then(new EndpointEvent.Updated("c2", IC_CONFIG, T1), new EndpointEvent.InService(T1));
    }

    @Test
    void refuses_to_update_an_endpoint_in_progress() {
        spec.given(CREATED)
                .when(new UpdateEndpoint("e", "c2", Optional.of(IC_CONFIG), T1))
                .thenRejected("Cannot update in-progress endpoint \"" + ARN + "\".");
    }

    @Test
    void refuses_to_switch_between_inference_component_and_model_configs() {
        spec.given(CREATED, new EndpointEvent.InService(T0))
                .when(new UpdateEndpoint("e", "m", Optional.of(MODEL_CONFIG), T1))
                .thenRejected("Cannot update endpoint \"" + ARN
                        + "\" between an inference component endpoint configuration and a model-based one.");
    }

    @Test
    void deletes_an_endpoint_without_inference_components() {
        spec.given(CREATED, new EndpointEvent.InService(T0))
                .when(new DeleteEndpoint("e", 0, T1))
                .then(new EndpointEvent.DeletionStarted(T1));
        spec.given(CREATED, new EndpointEvent.InService(T0), new EndpointEvent.DeletionStarted(T1))
                .when(new EndpointCommand.CompleteEndpointDeletion("e", T2))
                .then(new EndpointEvent.Deleted(T2));
    }

    @Test
    void refuses_to_delete_an_endpoint_that_hosts_inference_components() {
        spec.given(CREATED, new EndpointEvent.InService(T0))
                .when(new DeleteEndpoint("e", 2, T1))
                .thenRejected("Cannot delete endpoint \"" + ARN
                        + "\" because it has 2 inference component(s). Delete the inference components first.");
    }

    @Test
    void unknown_or_deleted_endpoints_are_not_found() {
        String message = "Could not find endpoint \"" + ARN + "\".";
        spec.given().when(new DeleteEndpoint("e", 0, T0)).thenRejected(Kind.NOT_FOUND, message);
        spec.given(CREATED, new EndpointEvent.DeletionStarted(T1), new EndpointEvent.Deleted(T1))
                .when(new UpdateEndpoint("e", "c", Optional.of(IC_CONFIG), T2))
                .thenRejected(Kind.NOT_FOUND, message);
    }
}
