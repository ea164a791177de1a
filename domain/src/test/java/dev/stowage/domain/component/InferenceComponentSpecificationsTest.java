package dev.stowage.domain.component;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.SPEC;
import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.CommandRejected.Kind;
import dev.stowage.domain.DeciderSpec;
import dev.stowage.domain.component.InferenceComponentCommand.CreateInferenceComponent;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.Document;
import dev.stowage.events.InferenceComponentEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CreateInferenceComponent with {@code Specifications}, one per instance type, on an endpoint whose variant has two
 * pools: ml.g5.12xlarge (4 A10G) first, ml.g6.12xlarge (4 L4) second, at most 2 instances.
 */
class InferenceComponentSpecificationsTest {
    private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:inference-component/ic";
    private static final String ENDPOINT_ARN = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/e";
    private static final Document POOLS = doc("{'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r',"
            + "'ProductionVariants':[{'VariantName':'AllTraffic','InitialInstanceCount':1,'InstancePools':["
            + "{'InstanceType':'ml.g5.12xlarge','Priority':1},{'InstanceType':'ml.g6.12xlarge','Priority':2}],"
            + "'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,'MaxInstanceCount':2}}]}");
    private static final EndpointSnapshot ENDPOINT =
            new EndpointSnapshot("e", ENDPOINT_ARN, EndpointStatus.IN_SERVICE, ProductionVariant.of(POOLS));
    private static final Document ON_G5 = entry("ml.g5.12xlarge", 2);
    private static final Document ON_G6 = entry("ml.g6.12xlarge", 1);
    private final DeciderSpec<InferenceComponentCommand, InferenceComponentState, InferenceComponentEvent> spec =
            DeciderSpec.of(new InferenceComponentDecider(ARNS, InstanceTypeCatalog.standard()));

    @Test
    void specifications_are_stored_and_each_type_runs_its_own() {
        Document stored = Specifications.store(List.of(ON_G5, ON_G6));

        spec.given()
                .when(create(Optional.empty(), List.of(ON_G5, ON_G6), 2))
                .then(new InferenceComponentEvent.Created("ic", ARN, "e", ENDPOINT_ARN, "AllTraffic", stored, 2, T0));
        Specifications specifications = new Specifications(stored);
        assertThat(specifications.perType()).isTrue();
        assertThat(specifications.forType("ml.g6.12xlarge")).contains(ON_G6);
        assertThat(specifications.forType("ml.g5.xlarge")).isEmpty();
        assertThat(new Specifications(SPEC).forType("ml.g6.12xlarge")).contains(SPEC);
    }

    @Test
    void specification_and_specifications_exclude_each_other() {
        spec.given()
                .when(create(Optional.of(SPEC), List.of(ON_G5), 1))
                .thenRejected("Specification and Specifications cannot both be provided. Use Specifications for one"
                        + " specification per instance type, or Specification for one that runs on every instance"
                        + " type.");
    }

    @Test
    void several_specifications_each_name_a_different_instance_type() {
        spec.given()
                .when(create(Optional.empty(), List.of(ON_G5, ON_G5), 1))
                .thenRejected(
                        "Specifications must have one entry per InstanceType, but ml.g5.12xlarge has more than one.");
        spec.given()
                .when(create(Optional.empty(), List.of(ON_G5, SPEC), 1))
                .thenRejected("InstanceType is required in each entry of Specifications when there is more than one.");
    }

    @Test
    void a_specification_s_type_must_be_one_of_the_variant_s_pools() {
        spec.given()
                .when(create(Optional.empty(), List.of(ON_G5, entry("ml.g5.48xlarge", 1)), 1))
                .thenRejected("InstanceType ml.g5.48xlarge of the inference component's specification is not an"
                        + " instance type of variant \"AllTraffic\" (ml.g5.12xlarge, ml.g6.12xlarge).");
    }

    @Test
    void a_specification_for_a_type_must_fit_that_type() {
        spec.given()
                .when(create(Optional.empty(), List.of(ON_G5, entry("ml.g6.12xlarge", 8)), 1))
                .thenRejected("A copy needs 8 accelerator devices but ml.g6.12xlarge has 4.");
    }

    @Test
    void the_copy_limit_counts_the_roomiest_pool() {
        spec.given()
                .when(create(Optional.empty(), List.of(ON_G5, ON_G6), 9))
                .thenRejected(
                        Kind.RESOURCE_LIMIT_EXCEEDED,
                        "CopyCount 9 exceeds the 8 copies variant \"AllTraffic\" can hold: at most 2 instances (its"
                                + " MaxInstanceCount) of ml.g6.12xlarge, 4 copies each.");
    }

    private static Document entry(String instanceType, int devices) {
        return doc("{'InstanceType':'" + instanceType + "','ModelName':'m','ComputeResourceRequirements':"
                + "{'NumberOfCpuCoresRequired':2.0,'NumberOfAcceleratorDevicesRequired':" + devices
                + ".0,'MinMemoryRequiredInMb':1024}}");
    }

    private static CreateInferenceComponent create(
            Optional<Document> specification, List<Document> specifications, int copies) {
        return new CreateInferenceComponent(
                "ic",
                Optional.of(ENDPOINT),
                "e",
                Optional.empty(),
                specification,
                specifications,
                Optional.of(copies),
                true,
                Optional.empty(),
                T0);
    }
}
