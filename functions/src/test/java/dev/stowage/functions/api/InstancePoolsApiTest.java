package dev.stowage.functions.api;

import static dev.stowage.functions.api.InMemoryApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * InstancePools, VariantInstanceProvisionTimeoutInSeconds, ScaleInPolicy, CapacityReservationConfig, Specifications
 * and SchedulingConfig through the API handler: the service model's constraints (counts, ranges, enums, required
 * members) are checked by the generic validation, the rules across members by the deciders, and Describe shows what
 * was stored.
 */
class InstancePoolsApiTest {
    private static final String ROLE = "'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r'";
    private static final String G5 = "{'InstanceType':'ml.g5.12xlarge','Priority':1}";
    private static final String G6 = "{'InstanceType':'ml.g6.12xlarge','Priority':2}";
    private final InMemoryApi api = new InMemoryApi();

    @Test
    void the_model_bounds_pools_their_priority_and_the_provision_timeout() throws Exception {
        assertRefused(
                config("'InstancePools':[" + G5 + "," + G5 + "," + G5 + "," + G5 + "," + G5 + "," + G5 + "]"),
                "Member must have length less than or equal to 5");
        assertRefused(
                config("'InstancePools':[{'InstanceType':'ml.g5.12xlarge','Priority':0}]"),
                "Member must have value greater than or equal to 1");
        assertRefused(config("'InstancePools':[{'InstanceType':'ml.g5.12xlarge'}]"), "Member must not be null");
        assertRefused(
                config("'InstancePools':[" + G5 + "],'VariantInstanceProvisionTimeoutInSeconds':100"),
                "Member must have value greater than or equal to 300");
        assertRefused(
                config("'InstanceType':'ml.g5.12xlarge','ManagedInstanceScaling':{'Status':'ENABLED',"
                        + "'MaxInstanceCount':2,'ScaleInPolicy':{'Strategy':'SOMETIMES'}}"),
                "Member must satisfy enum value set: [IDLE_RELEASE, CONSOLIDATION]");
    }

    @Test
    void a_variant_has_an_instance_type_or_pools_not_both() throws Exception {
        assertRefused(
                config("'InstanceType':'ml.g5.12xlarge','InstancePools':[" + G5 + "]"),
                "InstanceType and InstancePools cannot both be specified for variant \"v\". Specify InstanceType for"
                        + " a single instance type, or InstancePools for several.");
    }

    @Test
    void the_model_bounds_specifications_and_the_scheduling_strategy() throws Exception {
        created();
        String entry = "{'InstanceType':'ml.g5.12xlarge','Container':{'Image':'stowage/echo'},"
                + "'ComputeResourceRequirements':{'MinMemoryRequiredInMb':1024}}";
        assertComponentRefused(
                "'Specifications':[" + String.join(",", entry, entry, entry, entry, entry, entry) + "]",
                "Member must have length less than or equal to 5");
        assertComponentRefused(
                "'Specification':{'Container':{'Image':'stowage/echo'},'ComputeResourceRequirements':"
                        + "{'MinMemoryRequiredInMb':1024},'SchedulingConfig':{'PlacementStrategy':'RANDOM'}}",
                "Member must satisfy enum value set: [SPREAD, BINPACK]");
        assertComponentRefused(
                "'Specification':" + entry + ",'Specifications':[" + entry + "]",
                "Specification and Specifications cannot both be provided.");
    }

    @Test
    void describe_shows_the_pools_the_reservation_the_scale_in_policy_and_the_specifications() throws Exception {
        created();
        ok(call(
                "SageMaker.CreateInferenceComponent",
                "{'InferenceComponentName':'ic','EndpointName':'ep','RuntimeConfig':{'CopyCount':1},"
                        + "'Specifications':[" + specification("ml.g5.12xlarge", "BINPACK") + ","
                        + specification("ml.g6.12xlarge", "SPREAD") + "]}"));

        JsonNode variant = ok(call("SageMaker.DescribeEndpoint", "{'EndpointName':'ep'}"))
                .path("ProductionVariants")
                .get(0);
        assertThat(variant.path("InstancePools").toString())
                .as("in the order given")
                .isEqualTo("[{\"InstanceType\":\"ml.g6.12xlarge\",\"CurrentInstanceCount\":0},"
                        + "{\"InstanceType\":\"ml.g5.12xlarge\",\"CurrentInstanceCount\":0}]");
        assertThat(variant.path("ManagedInstanceScaling").path("ScaleInPolicy").toString())
                .isEqualTo("{\"Strategy\":\"CONSOLIDATION\",\"MaximumStepSize\":2,\"CooldownInMinutes\":30}");
        assertThat(variant.path("CapacityReservationConfig")
                        .path("CapacityReservationPreference")
                        .asText())
                .isEqualTo("capacity-reservations-only");

        JsonNode component = ok(call("SageMaker.DescribeInferenceComponent", "{'InferenceComponentName':'ic'}"));
        assertThat(component.has("Specification")).isFalse();
        assertThat(component.path("Specifications")).hasSize(2);
        assertThat(component
                        .path("Specifications")
                        .get(1)
                        .path("SchedulingConfig")
                        .path("PlacementStrategy")
                        .asText())
                .isEqualTo("SPREAD");
        assertThat(component
                        .path("Specifications")
                        .get(0)
                        .path("Container")
                        .path("DeployedImage")
                        .path("SpecifiedImage")
                        .asText())
                .isEqualTo("stowage/echo");
        assertThat(component.path("RuntimeConfig").has("PlacementStatus"))
                .as("no copy serves yet")
                .isFalse();
    }

    private void created() throws Exception {
        ok(call(
                "SageMaker.CreateEndpointConfig",
                config("'InstancePools':[" + G6 + "," + G5 + "],'VariantInstanceProvisionTimeoutInSeconds':600,"
                        + "'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,'MaxInstanceCount':3,"
                        + "'ScaleInPolicy':{'Strategy':'CONSOLIDATION','MaximumStepSize':2,'CooldownInMinutes':30}},"
                        + "'CapacityReservationConfig':{'CapacityReservationPreference':'capacity-reservations-only',"
                        + "'MlReservationArn':'arn:aws:sagemaker:us-east-1:123456789012:ml-reservation/r1'}")));
        ok(call("SageMaker.CreateEndpoint", "{'EndpointName':'ep','EndpointConfigName':'c'}"));
    }

    private static String specification(String instanceType, String strategy) {
        return "{'InstanceType':'" + instanceType + "','Container':{'Image':'stowage/echo'},"
                + "'ComputeResourceRequirements':{'NumberOfAcceleratorDevicesRequired':1,'MinMemoryRequiredInMb':1024},"
                + "'SchedulingConfig':{'PlacementStrategy':'" + strategy + "'}}";
    }

    private static String config(String variantMembers) {
        return "{'EndpointConfigName':'c'," + ROLE + ",'ProductionVariants':[{'VariantName':'v',"
                + "'InitialInstanceCount':1," + variantMembers + "}]}";
    }

    private void assertRefused(String configRequest, String message) throws Exception {
        refused(call("SageMaker.CreateEndpointConfig", configRequest), message);
    }

    private void assertComponentRefused(String members, String message) throws Exception {
        refused(
                call(
                        "SageMaker.CreateInferenceComponent",
                        "{'InferenceComponentName':'bad','EndpointName':'ep','RuntimeConfig':{'CopyCount':1}," + members
                                + "}"),
                message);
    }

    private static void refused(APIGatewayProxyResponseEvent response, String message) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(body(response).path("__type").asText()).isEqualTo("ValidationException");
        assertThat(body(response).path("message").asText()).contains(message);
    }

    private static JsonNode ok(APIGatewayProxyResponseEvent response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }

    private APIGatewayProxyResponseEvent call(String target, String body) {
        return api.call("/", target, body);
    }
}
