package dev.stowage.domain.endpoint;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.IC_CONFIG;
import static dev.stowage.domain.Fixtures.MODEL_CONFIG;
import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.T1;
import static dev.stowage.domain.Fixtures.doc;

import dev.stowage.domain.CommandRejected.Kind;
import dev.stowage.domain.DeciderSpec;
import dev.stowage.domain.endpoint.EndpointConfigCommand.CreateEndpointConfig;
import dev.stowage.domain.endpoint.EndpointConfigCommand.DeleteEndpointConfig;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointConfigEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointConfigDeciderTest {
    private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/c";
    private final DeciderSpec<EndpointConfigCommand, EndpointConfigState, EndpointConfigEvent> spec =
            DeciderSpec.of(new EndpointConfigDecider(ARNS, InstanceTypeCatalog.standard()));

    private static CreateEndpointConfig create(Document config) {
        return new CreateEndpointConfig("c", config, Set.of(), T0);
    }

    @Test
    void creates_a_config_for_inference_components() {
        spec.given().when(create(IC_CONFIG)).then(new EndpointConfigEvent.Created("c", ARN, IC_CONFIG, T0));
    }

    @Test
    void refuses_a_duplicate_and_accepts_the_name_again_after_deletion() {
        var created = new EndpointConfigEvent.Created("c", ARN, IC_CONFIG, T0);
        spec.given(created)
                .when(create(IC_CONFIG))
                .thenRejected("Cannot create already existing endpoint configuration \"" + ARN + "\".");
        spec.given(created, new EndpointConfigEvent.Deleted(T1))
                .when(create(IC_CONFIG))
                .then(new EndpointConfigEvent.Created("c", ARN, IC_CONFIG, T0));
    }

    @Test
    void a_model_named_by_a_variant_must_exist() {
        spec.given()
                .when(new CreateEndpointConfig("c", MODEL_CONFIG, Set.of("m"), T0))
                .thenRejected(
                        Kind.NOT_FOUND, "Could not find model \"arn:aws:sagemaker:us-east-1:123456789012:model/m\".");
    }

    @Test
    void managed_instance_scaling_needs_an_inference_component_variant() {
        spec.given()
                .when(
                        create(
                                doc(
                                        "{'ProductionVariants':[{'VariantName':'v','ModelName':'m','InstanceType':'ml.g5.xlarge',"
                                                + "'InitialInstanceCount':1,'ManagedInstanceScaling':{'Status':'ENABLED','MaxInstanceCount':2}}]}")))
                .thenRejected("ManagedInstanceScaling is only supported for inference component endpoints.");
    }

    @Test
    void min_instances_may_not_exceed_max() {
        spec.given()
                .when(create(doc("{'ExecutionRoleArn':'arn:aws:iam::1:role/r','ProductionVariants':[{'VariantName':'v',"
                        + "'InstanceType':'ml.g5.xlarge','InitialInstanceCount':1,'ManagedInstanceScaling':"
                        + "{'Status':'ENABLED','MinInstanceCount':3,'MaxInstanceCount':2}}]}")))
                .thenRejected("MinInstanceCount (3) must be less than or equal to MaxInstanceCount (2).");
    }

    @Test
    void an_inference_component_config_needs_an_execution_role() {
        spec.given()
                .when(create(doc("{'ProductionVariants':[{'VariantName':'v','InstanceType':'ml.g5.xlarge',"
                        + "'InitialInstanceCount':1}]}")))
                .thenRejected("ExecutionRoleArn is required when the production variant does not specify a ModelName.");
    }

    @Test
    void variant_names_are_unique() {
        spec.given()
                .when(create(
                        doc("{'ProductionVariants':[{'VariantName':'v','ModelName':'m','InstanceType':'ml.m5.large',"
                                + "'InitialInstanceCount':1},{'VariantName':'v','ModelName':'m','InstanceType':'ml.m5.large',"
                                + "'InitialInstanceCount':1}]}")))
                .thenRejected("Variant names must be unique. Variant name \"v\" is used more than once.");
    }

    @Test
    void an_instance_variant_needs_its_initial_count() {
        spec.given()
                .when(create(doc(
                        "{'ProductionVariants':[{'VariantName':'v','ModelName':'m','InstanceType':'ml.m5.large'}]}")))
                .thenRejected("InitialInstanceCount is required for variant \"v\" with an InstanceType.");
    }

    @Test
    void an_instance_type_stowage_does_not_support_is_refused() {
        spec.given()
                .when(create(
                        doc("{'ProductionVariants':[{'VariantName':'v','ModelName':'m','InstanceType':'ml.t2.medium',"
                                + "'InitialInstanceCount':1}]}")))
                .thenRejected("Instance type ml.t2.medium is not supported by Stowage."
                        + " Stowage.DescribeInstanceTypes lists the supported types.");
    }

    @Test
    void a_serverless_variant_is_refused_as_something_stowage_does_not_run() {
        spec.given()
                .when(create(doc("{'ProductionVariants':[{'VariantName':'v','ModelName':'m',"
                        + "'ServerlessConfig':{'MemorySizeInMB':2048,'MaxConcurrency':5}}]}")))
                .thenRejected("Stowage does not run serverless inference: remove ServerlessConfig from variant \"v\"."
                        + " Stowage runs variants with an InstanceType or InstancePools, and an InitialInstanceCount.");
    }

    @Test
    void an_asynchronous_config_is_refused_as_something_stowage_does_not_run() {
        Document config = doc("{'ProductionVariants':[{'VariantName':'v','InstanceType':'ml.g5.xlarge',"
                + "'InitialInstanceCount':1}],'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r',"
                + "'AsyncInferenceConfig':{'OutputConfig':{'S3OutputPath':'s3://b/out'}}}");
        spec.given()
                .when(create(config))
                .thenRejected("Stowage does not run asynchronous inference: remove AsyncInferenceConfig from the"
                        + " endpoint configuration. Stowage runs variants with an InstanceType or InstancePools, and an"
                        + " InitialInstanceCount.");
    }

    @Test
    void a_variant_without_an_instance_type_is_refused() {
        spec.given()
                .when(create(doc("{'ProductionVariants':[{'VariantName':'v','InitialInstanceCount':1}],"
                        + "'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r'}")))
                .thenRejected("Variant \"v\" must specify an InstanceType or InstancePools.");
    }

    @Test
    void deleting_an_unknown_config_is_not_found() {
        spec.given()
                .when(new DeleteEndpointConfig("c", T0))
                .thenRejected(Kind.NOT_FOUND, "Could not find endpoint configuration \"" + ARN + "\".");
    }
}
