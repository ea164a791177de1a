package dev.stowage.domain.component;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.SPEC;
import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.DeciderSpec;
import dev.stowage.domain.component.Adapters.BaseSnapshot;
import dev.stowage.domain.component.InferenceComponentCommand.CreateInferenceComponent;
import dev.stowage.domain.component.InferenceComponentCommand.DeleteInferenceComponent;
import dev.stowage.domain.component.InferenceComponentCommand.SetDesiredCopyCount;
import dev.stowage.domain.component.InferenceComponentCommand.UpdateInferenceComponent;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.InferenceComponentEvent.AdapterAttached;
import dev.stowage.events.InferenceComponentEvent.Created;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Adapter inference components: a LoRA adapter on a base component's copies, as the service words its rules. */
class AdapterInferenceComponentsTest {
    private static final String ENDPOINT_ARN = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/e";
    private static final String ADAPTER_ARN = "arn:aws:sagemaker:us-east-1:123456789012:inference-component/tuned";
    private static final Document CONFIG = doc("{'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r',"
            + "'ProductionVariants':[{'VariantName':'AllTraffic','InstanceType':'ml.g5.12xlarge',"
            + "'InitialInstanceCount':1}]}");
    private static final EndpointSnapshot ENDPOINT =
            new EndpointSnapshot("e", ENDPOINT_ARN, EndpointStatus.IN_SERVICE, ProductionVariant.of(CONFIG));
    private static final BaseSnapshot BASE =
            new BaseSnapshot("base", "e", "AllTraffic", InferenceComponentStatus.IN_SERVICE, false);
    private static final Document ADAPTER =
            doc("{'BaseInferenceComponentName':'base','Container':{'ArtifactUrl':'s3://adapters/tuned/'}}");
    private static final Created CREATED =
            new Created("tuned", ADAPTER_ARN, "e", ENDPOINT_ARN, "AllTraffic", ADAPTER, 0, T0);

    private final DeciderSpec<InferenceComponentCommand, InferenceComponentState, InferenceComponentEvent> spec =
            DeciderSpec.of(new InferenceComponentDecider(ARNS, InstanceTypeCatalog.standard()));

    @Test
    void an_adapter_is_created_on_its_base_s_variant_with_no_copies_of_its_own() {
        spec.given().when(create(ADAPTER, Optional.empty(), Optional.of(BASE))).then(CREATED);
    }

    @Test
    void an_adapter_takes_only_the_adapter_s_location() {
        spec.given()
                .when(create(
                        doc("{'BaseInferenceComponentName':'base','Container':{'ArtifactUrl':'s3://a/'},"
                                + "'ComputeResourceRequirements':{'MinMemoryRequiredInMb':1024}}"),
                        Optional.empty(),
                        Optional.of(BASE)))
                .thenRejected("ComputeResourceRequirements must not be specified for an adapter inference component:"
                        + " it uses the compute resources of its base inference component.");
        spec.given()
                .when(create(
                        doc(
                                "{'BaseInferenceComponentName':'base','ModelName':'m','Container':{'ArtifactUrl':'s3://a/'}}"),
                        Optional.empty(),
                        Optional.of(BASE)))
                .thenRejected("An adapter inference component takes only Container.ArtifactUrl, the location of the"
                        + " adapter: ModelName and Container.Image belong to its base inference component.");
        spec.given()
                .when(create(doc("{'BaseInferenceComponentName':'base'}"), Optional.empty(), Optional.of(BASE)))
                .thenRejected("Container.ArtifactUrl is required for an adapter inference component: it names the"
                        + " adapter's artifacts.");
        spec.given()
                .when(create(ADAPTER, Optional.of(1), Optional.of(BASE)))
                .thenRejected("RuntimeConfig cannot be specified for an adapter inference component: it is loaded"
                        + " into every copy of its base inference component.");
    }

    @Test
    void the_base_exists_on_the_same_endpoint_and_is_no_adapter() {
        spec.given()
                .when(create(ADAPTER, Optional.empty(), Optional.empty()))
                .thenRejected("Could not find base inference component \"base\".");
        spec.given()
                .when(create(
                        ADAPTER,
                        Optional.empty(),
                        Optional.of(new BaseSnapshot("base", "other", "AllTraffic", BASE.status(), false))))
                .thenRejected("Base inference component \"base\" is on endpoint \"other\", not on endpoint \"e\".");
        spec.given()
                .when(create(
                        ADAPTER,
                        Optional.empty(),
                        Optional.of(new BaseSnapshot("base", "e", "AllTraffic", BASE.status(), true))))
                .thenRejected("Inference component \"base\" is an adapter inference component and cannot be the base"
                        + " of another.");
        spec.given()
                .when(create(
                        ADAPTER,
                        Optional.empty(),
                        Optional.of(
                                new BaseSnapshot("base", "e", "AllTraffic", InferenceComponentStatus.DELETING, false))))
                .thenRejected("Could not find base inference component \"base\".");
    }

    @Test
    void only_the_adapter_s_artifact_may_change_and_it_never_scales() {
        Document moved = doc("{'BaseInferenceComponentName':'base','Container':{'ArtifactUrl':'s3://adapters/v2/'}}");
        spec.given(CREATED)
                .when(update(Optional.of(moved), Optional.empty()))
                .then(new InferenceComponentEvent.SpecificationUpdated(moved, T0));
        spec.given(CREATED)
                .when(update(
                        Optional.of(
                                doc("{'BaseInferenceComponentName':'other','Container':{'ArtifactUrl':'s3://a/'}}")),
                        Optional.empty()))
                .thenRejected("BaseInferenceComponentName of an inference component cannot be changed.");
        spec.given(CREATED)
                .when(update(Optional.empty(), Optional.of(2)))
                .thenRejected("RuntimeConfig cannot be specified for an adapter inference component: it is loaded"
                        + " into every copy of its base inference component.");
        spec.given(CREATED)
                .when(new SetDesiredCopyCount("tuned", Optional.empty(), 2, CopyCountCause.API, T0))
                .thenRejected("Cannot update the runtime config of adapter inference component \"tuned\": it runs on"
                        + " the copies of its base inference component \"base\".");
    }

    @Test
    void a_component_never_becomes_an_adapter_by_an_update() {
        spec.given(new Created("base", ADAPTER_ARN, "e", ENDPOINT_ARN, "AllTraffic", SPEC, 1, T0))
                .when(update(Optional.of(ADAPTER), Optional.empty()))
                .thenRejected("BaseInferenceComponentName of an inference component cannot be changed.");
    }

    @Test
    void a_base_is_not_deleted_while_adapters_remain() {
        Created base = new Created("base", ADAPTER_ARN, "e", ENDPOINT_ARN, "AllTraffic", SPEC, 1, T0);
        spec.given(base, new AdapterAttached("tuned", T0))
                .when(new DeleteInferenceComponent("base", List.of("tuned"), T0))
                .thenRejected("Cannot delete inference component \"base\": it is a base inference component for one or"
                        + " more associated adapter inference components (tuned). Delete the adapter inference"
                        + " components first.");
        spec.given(base, new AdapterAttached("tuned", T0))
                .when(new DeleteInferenceComponent("base", List.of(), T0))
                .then(new InferenceComponentEvent.DeletionStarted(T0));
    }

    @Test
    void a_base_remembers_its_adapters() {
        InferenceComponentDecider decider = new InferenceComponentDecider(ARNS, InstanceTypeCatalog.standard());
        InferenceComponentState state = decider.evolve(
                decider.evolve(
                        decider.initialState(),
                        new Created("base", ADAPTER_ARN, "e", ENDPOINT_ARN, "AllTraffic", SPEC, 1, T0)),
                new AdapterAttached("tuned", T0));
        assertThat(((InferenceComponentState.Present) state).adapters()).containsExactly("tuned");
        assertThat(((InferenceComponentState.Present) decider.evolve(decider.initialState(), CREATED))
                        .baseInferenceComponentName())
                .contains("base");
    }

    private static CreateInferenceComponent create(
            Document specification, Optional<Integer> copies, Optional<BaseSnapshot> base) {
        return new CreateInferenceComponent(
                "tuned",
                Optional.of(ENDPOINT),
                "e",
                Optional.empty(),
                Optional.of(specification),
                List.of(),
                copies,
                true,
                base,
                T0);
    }

    private static UpdateInferenceComponent update(Optional<Document> specification, Optional<Integer> copies) {
        return new UpdateInferenceComponent(
                "tuned", Optional.empty(), specification, List.of(), copies, Optional.empty(), true, T0);
    }
}
