package dev.stowage.domain.component;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.IC_CONFIG;
import static dev.stowage.domain.Fixtures.MODEL_CONFIG;
import static dev.stowage.domain.Fixtures.SPEC;
import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.T1;
import static dev.stowage.domain.Fixtures.T2;
import static dev.stowage.domain.Fixtures.doc;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.stowage.domain.CommandRejected.Kind;
import dev.stowage.domain.DeciderSpec;
import dev.stowage.domain.component.InferenceComponentCommand.CreateInferenceComponent;
import dev.stowage.domain.component.InferenceComponentCommand.DeleteInferenceComponent;
import dev.stowage.domain.component.InferenceComponentCommand.RollBackUpdate;
import dev.stowage.domain.component.InferenceComponentCommand.SetDesiredCopyCount;
import dev.stowage.domain.component.InferenceComponentCommand.UpdateInferenceComponent;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.InferenceComponentEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InferenceComponentDeciderTest {
    private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:inference-component/ic";
    private static final String ENDPOINT_ARN = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/e";
    private static final EndpointSnapshot ENDPOINT =
            new EndpointSnapshot("e", ENDPOINT_ARN, EndpointStatus.IN_SERVICE, ProductionVariant.of(IC_CONFIG));
    private static final ProductionVariant VARIANT =
            ProductionVariant.of(IC_CONFIG).getFirst();
    private static final InferenceComponentEvent CREATED =
            new InferenceComponentEvent.Created("ic", ARN, "e", ENDPOINT_ARN, "AllTraffic", SPEC, 2, T0);
    private final DeciderSpec<InferenceComponentCommand, InferenceComponentState, InferenceComponentEvent> spec =
            DeciderSpec.of(new InferenceComponentDecider(ARNS, InstanceTypeCatalog.standard()));

    private static CreateInferenceComponent create(Optional<EndpointSnapshot> endpoint, Document spec, int copies) {
        return new CreateInferenceComponent(
                "ic",
                endpoint,
                "e",
                Optional.empty(),
                Optional.of(spec),
                List.of(),
                Optional.of(copies),
                true,
                Optional.empty(),
                T0);
    }

    @Test
    void creates_on_the_endpoints_only_variant() {
        spec.given().when(create(Optional.of(ENDPOINT), SPEC, 2)).then(CREATED);
    }

    @Test
    void refuses_a_duplicate() {
        spec.given(CREATED)
                .when(create(Optional.of(ENDPOINT), SPEC, 2))
                .thenRejected("Cannot create already existing inference component \"" + ARN + "\".");
    }

    @Test
    void its_endpoint_must_exist() {
        spec.given()
                .when(create(Optional.empty(), SPEC, 1))
                .thenRejected(Kind.NOT_FOUND, "Could not find endpoint \"" + ENDPOINT_ARN + "\".");
    }

    @Test
    void refuses_a_model_based_endpoint_with_the_services_message() {
        var modelEndpoint =
                new EndpointSnapshot("e", ENDPOINT_ARN, EndpointStatus.IN_SERVICE, ProductionVariant.of(MODEL_CONFIG));
        spec.given()
                .when(create(Optional.of(modelEndpoint), SPEC, 1))
                .thenRejected("Invalid request provided: Inference Components are not supported in this Endpoint."
                        + " Please make sure this endpoint can deploy inference components.");
    }

    @Test
    void a_named_variant_must_exist() {
        spec.given()
                .when(new CreateInferenceComponent(
                        "ic",
                        Optional.of(ENDPOINT),
                        "e",
                        Optional.of("Other"),
                        Optional.of(SPEC),
                        List.of(),
                        Optional.of(1),
                        true,
                        Optional.empty(),
                        T0))
                .thenRejected("Could not find variant \"Other\" on endpoint \"" + ENDPOINT_ARN + "\".");
    }

    @Test
    void needs_at_least_one_copy_on_create() {
        spec.given()
                .when(create(Optional.of(ENDPOINT), SPEC, 0))
                .thenRejected("1 validation error detected: Value '0' at 'runtimeConfig.copyCount' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void the_specifications_model_must_exist() {
        spec.given()
                .when(new CreateInferenceComponent(
                        "ic",
                        Optional.of(ENDPOINT),
                        "e",
                        Optional.empty(),
                        Optional.of(SPEC),
                        List.of(),
                        Optional.of(1),
                        false,
                        Optional.empty(),
                        T0))
                .thenRejected(
                        Kind.NOT_FOUND, "Could not find model \"arn:aws:sagemaker:us-east-1:123456789012:model/m\".");
    }

    @Test
    void a_specification_needs_a_model_or_a_container_and_whole_devices() {
        spec.given()
                .when(create(
                        Optional.of(ENDPOINT),
                        doc("{'ComputeResourceRequirements':{'MinMemoryRequiredInMb':1024}}"),
                        1))
                .thenRejected("Either ModelName or Container must be specified in the Specification.");
        spec.given()
                .when(create(
                        Optional.of(ENDPOINT),
                        doc("{'ModelName':'m','ComputeResourceRequirements':"
                                + "{'NumberOfAcceleratorDevicesRequired':1.5,'MinMemoryRequiredInMb':1024}}"),
                        1))
                .thenRejected("NumberOfAcceleratorDevicesRequired must be a whole number of devices, but was 1.5.");
    }

    @Test
    void refuses_a_copy_that_can_never_fit_one_instance() {
        Document eightGpus = doc(
                "{'ModelName':'m','ComputeResourceRequirements':"
                        + "{'NumberOfCpuCoresRequired':2.0,'NumberOfAcceleratorDevicesRequired':8.0,'MinMemoryRequiredInMb':1024}}");
        spec.given()
                .when(create(Optional.of(ENDPOINT), eightGpus, 1))
                .thenRejected("A copy needs 8 accelerator devices but ml.g5.12xlarge has 4.");
        spec.given(CREATED)
                .when(new UpdateInferenceComponent(
                        "ic",
                        Optional.of(VARIANT),
                        Optional.of(eightGpus),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        true,
                        T1))
                .thenRejected("A copy needs 8 accelerator devices but ml.g5.12xlarge has 4.");
    }

    @Test
    void runtime_config_scales_down_to_zero() {
        spec.given(CREATED)
                .when(new SetDesiredCopyCount("ic", Optional.empty(), 0, CopyCountCause.API, T1))
                .then(new InferenceComponentEvent.DesiredCopyCountSet(0, CopyCountCause.API, T1));
    }

    @Test
    void copies_beyond_what_the_variant_can_ever_hold_exceed_a_resource_limit() {
        spec.given()
                .when(create(Optional.of(ENDPOINT), SPEC, 8))
                .then(new InferenceComponentEvent.Created("ic", ARN, "e", ENDPOINT_ARN, "AllTraffic", SPEC, 8, T0));
        spec.given()
                .when(create(Optional.of(ENDPOINT), SPEC, 9))
                .thenRejected(
                        Kind.RESOURCE_LIMIT_EXCEEDED,
                        "CopyCount 9 exceeds the 8 copies variant \"AllTraffic\" can hold: at most 2 instances (its"
                                + " MaxInstanceCount) of ml.g5.12xlarge, 4 copies each.");
        spec.given(CREATED)
                .when(new SetDesiredCopyCount("ic", Optional.of(VARIANT), 9, CopyCountCause.AUTOSCALING, T1))
                .thenRejected(
                        Kind.RESOURCE_LIMIT_EXCEEDED,
                        "CopyCount 9 exceeds the 8 copies variant \"AllTraffic\" can hold: at most 2 instances (its"
                                + " MaxInstanceCount) of ml.g5.12xlarge, 4 copies each.");
    }

    @Test
    void copies_beyond_the_operators_quota_exceed_a_resource_limit_whatever_the_variant() {
        spec.given(CREATED)
                .when(new SetDesiredCopyCount("ic", Optional.empty(), Integer.MAX_VALUE, CopyCountCause.API, T1))
                .thenRejected(
                        Kind.RESOURCE_LIMIT_EXCEEDED,
                        "The account-level service limit 'Maximum copies per inference component' is 1000 copies, and"
                                + " the request asks for 2147483647. Ask the operator of this Stowage deployment to"
                                + " raise the quota (STOWAGE_MAX_COPIES_PER_INFERENCE_COMPONENT).");
    }

    @Test
    void setting_the_same_copy_count_again_changes_nothing() {
        spec.given(CREATED)
                .when(new SetDesiredCopyCount("ic", Optional.empty(), 2, CopyCountCause.API, T1))
                .thenNothing();
    }

    @Test
    void update_replaces_the_specification_and_the_copy_count() {
        Document bigger = SPEC.with("ModelName", TextNode.valueOf("m2"));
        spec.given(CREATED)
                .when(new UpdateInferenceComponent(
                        "ic",
                        Optional.of(VARIANT),
                        Optional.of(bigger),
                        List.of(),
                        Optional.of(3),
                        Optional.empty(),
                        true,
                        T1))
                .then(
                        new InferenceComponentEvent.SpecificationUpdated(bigger, T1),
                        new InferenceComponentEvent.DesiredCopyCountSet(3, CopyCountCause.API, T1));
    }

    private static final Document BIGGER = SPEC.with("ModelName", TextNode.valueOf("m2"));
    private static final Document ROLLING = doc(
            "{'RollingUpdatePolicy':{'MaximumBatchSize':{'Type':'COPY_COUNT','Value':1},'WaitIntervalInSeconds':60}}");

    private static UpdateInferenceComponent rollingUpdate(Document specification, Document deploymentConfig) {
        return new UpdateInferenceComponent(
                "ic",
                Optional.of(VARIANT),
                Optional.of(specification),
                List.of(),
                Optional.empty(),
                Optional.of(deploymentConfig),
                true,
                T1);
    }

    @Test
    void a_deployment_config_goes_with_the_specification_it_rolls_out_and_is_kept_as_the_last_one() {
        spec.given(CREATED)
                .when(rollingUpdate(BIGGER, ROLLING))
                .then(
                        new InferenceComponentEvent.SpecificationUpdated(BIGGER, T1),
                        new InferenceComponentEvent.DeploymentConfigured(ROLLING, T1));
        spec.given(
                        CREATED,
                        new InferenceComponentEvent.SpecificationUpdated(BIGGER, T1),
                        new InferenceComponentEvent.DeploymentConfigured(ROLLING, T1))
                .when(rollingUpdate(BIGGER, ROLLING))
                .thenNothing();
    }

    @Test
    void only_an_update_of_the_specification_is_rolled_back_and_only_once() {
        var inService = new InferenceComponentEvent.InService(T1);
        var updated = new InferenceComponentEvent.SpecificationUpdated(BIGGER, T2);
        var configured = new InferenceComponentEvent.DeploymentConfigured(ROLLING, T2);
        var rolledBack = new InferenceComponentEvent.UpdateRolledBack(SPEC, "alarm", T2.plusSeconds(60));

        spec.given(CREATED, inService, updated, configured)
                .when(new RollBackUpdate("ic", "alarm", T2.plusSeconds(60)))
                .then(rolledBack);
        spec.given(CREATED, inService, updated, configured, rolledBack)
                .when(new RollBackUpdate("ic", "alarm", T2.plusSeconds(61)))
                .thenNothing();
        spec.given(CREATED, inService, new InferenceComponentEvent.DesiredCopyCountSet(3, CopyCountCause.API, T2))
                .when(new RollBackUpdate("ic", "alarm", T2.plusSeconds(60)))
                .thenNothing();
        spec.given(
                        CREATED,
                        inService,
                        updated,
                        configured,
                        new InferenceComponentEvent.InService(T2.plusSeconds(30)),
                        new InferenceComponentEvent.DesiredCopyCountSet(
                                3, CopyCountCause.AUTOSCALING, T2.plusSeconds(40)))
                .when(new RollBackUpdate("ic", "alarm", T2.plusSeconds(60)))
                .thenNothing(); // the update was over: scaling out afterwards is nothing to roll back
        spec.given(CREATED, updated)
                .when(new RollBackUpdate("ic", "alarm", T2.plusSeconds(60)))
                .thenNothing(); // still Creating: nothing to go back to
    }

    @Test
    void update_may_scale_to_zero_copies_as_the_service_model_allows() {
        spec.given(CREATED)
                .when(new UpdateInferenceComponent(
                        "ic",
                        Optional.of(VARIANT),
                        Optional.empty(),
                        List.of(),
                        Optional.of(0),
                        Optional.empty(),
                        true,
                        T1))
                .then(new InferenceComponentEvent.DesiredCopyCountSet(0, CopyCountCause.API, T1));
    }

    @Test
    void deleting_waits_for_placement_to_remove_the_last_copy() {
        spec.given(CREATED)
                .when(new DeleteInferenceComponent("ic", T1))
                .then(new InferenceComponentEvent.DeletionStarted(T1));
        spec.given(CREATED, new InferenceComponentEvent.DeletionStarted(T1))
                .when(new InferenceComponentCommand.CompleteDeletion("ic", T2))
                .then(new InferenceComponentEvent.Deleted(T2));
        spec.given(CREATED)
                .when(new InferenceComponentCommand.CompleteDeletion("ic", T2))
                .thenNothing();
    }

    @Test
    void placement_moves_a_converging_component_to_in_service_or_failed() {
        spec.given(CREATED)
                .when(new InferenceComponentCommand.MarkInService("ic", T1))
                .then(new InferenceComponentEvent.InService(T1));
        spec.given(CREATED, new InferenceComponentEvent.InService(T1))
                .when(new InferenceComponentCommand.MarkInService("ic", T2))
                .thenNothing();
        spec.given(CREATED)
                .when(new InferenceComponentCommand.MarkFailed("ic", "Copies keep failing.", T1))
                .then(new InferenceComponentEvent.Failed("Copies keep failing.", T1));
    }

    @Test
    void a_deleted_component_is_not_found_by_its_name() {
        spec.given(CREATED, new InferenceComponentEvent.DeletionStarted(T1), new InferenceComponentEvent.Deleted(T1))
                .when(new DeleteInferenceComponent("ic", T2))
                .thenRejected(Kind.NOT_FOUND, "Could not find inference component \"ic\".");
    }

    @Test
    void a_component_being_deleted_cannot_be_scaled() {
        spec.given(CREATED, new InferenceComponentEvent.DeletionStarted(T1))
                .when(new SetDesiredCopyCount("ic", Optional.empty(), 3, CopyCountCause.AUTOSCALING, T2))
                .thenRejected("Cannot update inference component \"ic\" while it is Deleting.");
    }
}
