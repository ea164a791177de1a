package dev.stowage.domain.endpoint;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.DeciderSpec;
import dev.stowage.domain.endpoint.EndpointConfigCommand.CreateEndpointConfig;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointConfigEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A variant's InstancePools at CreateEndpointConfig: what the wire model cannot check. */
class InstancePoolRulesTest {
    private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/c";
    private static final String POOLS = "'InstancePools':[{'InstanceType':'ml.g6.12xlarge','Priority':2},"
            + "{'InstanceType':'ml.g5.12xlarge','Priority':1}]";
    private final DeciderSpec<EndpointConfigCommand, EndpointConfigState, EndpointConfigEvent> spec =
            DeciderSpec.of(new EndpointConfigDecider(ARNS, InstanceTypeCatalog.standard()));

    @Test
    void a_variant_with_pools_is_stored_as_given_with_its_timeout_scale_in_policy_and_capacity_reservation() {
        Document config = config(POOLS + ",'VariantInstanceProvisionTimeoutInSeconds':600,"
                + "'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,'MaxInstanceCount':4,"
                + "'ScaleInPolicy':{'Strategy':'CONSOLIDATION','MaximumStepSize':1,'CooldownInMinutes':20}},"
                + "'CapacityReservationConfig':{'CapacityReservationPreference':'capacity-reservations-only',"
                + "'MlReservationArn':'arn:aws:sagemaker:us-east-1:123456789012:ml-reservation/r'}");

        spec.given().when(create(config)).then(new EndpointConfigEvent.Created("c", ARN, config, T0));
        ProductionVariant variant = ProductionVariant.of(config).getFirst();
        assertThat(variant.instanceTypesByPriority()).containsExactly("ml.g5.12xlarge", "ml.g6.12xlarge");
        assertThat(variant.provisionTimeoutSeconds()).contains(600);
    }

    @Test
    void a_variant_names_its_instances_by_instance_type_or_by_pools_not_both() {
        spec.given()
                .when(create(config(POOLS + ",'InstanceType':'ml.g5.12xlarge'")))
                .thenRejected("InstanceType and InstancePools cannot both be specified for variant \"v\". Specify"
                        + " InstanceType for a single instance type, or InstancePools for several.");
    }

    @Test
    void each_pool_has_its_own_instance_type() {
        spec.given()
                .when(create(config("'InstancePools':[{'InstanceType':'ml.g5.12xlarge','Priority':1},"
                        + "{'InstanceType':'ml.g5.12xlarge','Priority':2}]")))
                .thenRejected("InstancePools of variant \"v\" list ml.g5.12xlarge more than once. Each instance pool"
                        + " must have a different InstanceType.");
    }

    @Test
    void every_pool_s_type_must_be_one_stowage_knows() {
        spec.given()
                .when(create(config("'InstancePools':[{'InstanceType':'ml.g5.12xlarge','Priority':1},"
                        + "{'InstanceType':'ml.t2.medium','Priority':2}]")))
                .thenRejected("Instance type ml.t2.medium is not supported by Stowage."
                        + " Stowage.DescribeInstanceTypes lists the supported types.");
    }

    @Test
    void a_model_override_needs_a_model_variant() {
        spec.given()
                .when(create(config("'InstancePools':[{'InstanceType':'ml.g5.12xlarge','Priority':1,"
                        + "'ModelNameOverride':'m2'}]")))
                .thenRejected("ModelNameOverride of instance pool ml.g5.12xlarge requires a ModelName on variant"
                        + " \"v\". A variant for inference components chooses a model per instance type with the"
                        + " components' Specifications.");
    }

    @Test
    void pools_need_an_initial_instance_count_as_an_instance_type_does() {
        spec.given()
                .when(create(doc("{'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r','ProductionVariants':"
                        + "[{'VariantName':'v'," + POOLS + "}]}")))
                .thenRejected("InitialInstanceCount is required for variant \"v\" with InstancePools.");
    }

    private static Document config(String variantMembers) {
        return doc("{'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r','ProductionVariants':[{'VariantName':'v',"
                + "'InitialInstanceCount':1," + variantMembers + "}]}");
    }

    private static CreateEndpointConfig create(Document config) {
        return new CreateEndpointConfig("c", config, Set.of(), T0);
    }
}
