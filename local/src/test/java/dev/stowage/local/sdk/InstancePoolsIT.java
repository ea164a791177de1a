package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.local.fleet.CapacityLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * A heterogeneous endpoint in local mode: two instance pools, ml.g5.12xlarge first and ml.g6.12xlarge second, with
 * local mode running at most one ml.g5.12xlarge ({@code --capacity ml.g5.12xlarge=1}). A component with one
 * specification per type, each copy taking a whole instance, gets its first copy on the g5 instance; the second
 * copy's g5 launch fails for capacity, so it lands on a g6 instance running the g6 specification, and invocations
 * are served from both. The pools, placement status and specifications members are newer than the Java SDK on this
 * project's Maven mirror, so those calls go as signed JSON ({@link SignedJson}); the rest is the SDK.
 */
class InstancePoolsIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE =
            new LocalModeExtension(RunningStowage.FAST.withCapacity(CapacityLimits.parse("ml.g5.12xlarge=1")));

    private static final String ENDPOINT = "pools-ep";
    private static final String COMPONENT = "pools-ic";
    private static final String G5 = "ml.g5.12xlarge";
    private static final String G6 = "ml.g6.12xlarge";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void a_component_falls_back_to_the_second_pool_when_the_first_runs_out_and_serves_from_both() {
        sageMaker(
                "CreateEndpointConfig",
                "{'EndpointConfigName':'" + ENDPOINT + "',"
                        + "'ExecutionRoleArn':'arn:aws:iam::123456789012:role/stowage',"
                        + "'ProductionVariants':[{'VariantName':'AllTraffic','InitialInstanceCount':1,"
                        + "'InstancePools':[{'InstanceType':'" + G5 + "','Priority':1},{'InstanceType':'" + G6
                        + "','Priority':2}],'VariantInstanceProvisionTimeoutInSeconds':300,"
                        + "'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,'MaxInstanceCount':3,"
                        + "'ScaleInPolicy':{'Strategy':'IDLE_RELEASE'}}}]}");
        STOWAGE.sageMaker().createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(ENDPOINT));
        STOWAGE.waiter().waitUntilEndpointInService(b -> b.endpointName(ENDPOINT));

        sageMaker(
                "CreateInferenceComponent",
                "{'InferenceComponentName':'" + COMPONENT + "','EndpointName':'"
                        + ENDPOINT + "','VariantName':'AllTraffic','RuntimeConfig':{'CopyCount':2},"
                        + "'Specifications':[" + specification(G5, 2) + "," + specification(G6, 3) + "]}");
        ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, COMPONENT, 2);

        JsonNode component = sageMaker("DescribeInferenceComponent", "{'InferenceComponentName':'" + COMPONENT + "'}");
        assertThat(placement(component.path("RuntimeConfig").path("PlacementStatus")))
                .isEqualTo(Map.of(G5, 1, G6, 1));
        assertThat(component.path("Specifications")).hasSize(2);
        assertThat(component.has("Specification")).isFalse();

        JsonNode endpoint = sageMaker("DescribeEndpoint", "{'EndpointName':'" + ENDPOINT + "'}");
        JsonNode variant = endpoint.path("ProductionVariants").get(0);
        assertThat(instanceCounts(variant.path("InstancePools"))).isEqualTo(Map.of(G5, 1, G6, 1));
        assertThat(variant.path("ManagedInstanceScaling")
                        .path("ScaleInPolicy")
                        .path("Strategy")
                        .asText())
                .isEqualTo("IDLE_RELEASE");

        JsonNode explained = signed("Stowage.ExplainPlacement", "{'EndpointName':'" + ENDPOINT + "'}")
                .path("Variants")
                .get(0);
        assertThat(explained
                        .path("InstancePools")
                        .get(0)
                        .path("LastCapacityFailure")
                        .asText())
                .startsWith("InsufficientInstanceCapacity: We currently do not have sufficient " + G5 + " capacity.");
        assertThat(coresByType(explained)).isEqualTo(Map.of(G5, 2.0, G6, 3.0));

        assertThat(servingInstances()).hasSize(2);
    }

    /** Invokes the component until both of its instances have answered (or 50 times), every call succeeding. */
    private static Set<String> servingInstances() {
        Set<String> instances = new TreeSet<>();
        try (SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            for (int n = 0; n < 50 && instances.size() < 2; n++) {
                InvokeEndpointResponse response = runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                        .inferenceComponentName(COMPONENT)
                        .contentType("application/json")
                        .body(SdkBytes.fromUtf8String("{\"inputs\":\"hello\"}")));
                assertThat(response.body().asUtf8String()).isEqualTo("{\"inputs\":\"hello\"}");
                response.sdkHttpResponse()
                        .firstMatchingHeader("X-Stowage-Instance")
                        .ifPresent(instances::add);
            }
        }
        return instances;
    }

    private static String specification(String instanceType, int cores) {
        return "{'InstanceType':'" + instanceType + "','Container':{'Image':'stowage/echo'},"
                + "'ComputeResourceRequirements':{'NumberOfCpuCoresRequired':" + cores
                + ",'NumberOfAcceleratorDevicesRequired':4,'MinMemoryRequiredInMb':1024}}";
    }

    private static Map<String, Integer> placement(JsonNode statuses) {
        Map<String, Integer> byType = new HashMap<>();
        statuses.forEach(s -> byType.put(
                s.path("InstanceType").asText(), s.path("CurrentCopyCount").asInt()));
        return byType;
    }

    private static Map<String, Integer> instanceCounts(JsonNode pools) {
        Map<String, Integer> byType = new HashMap<>();
        pools.forEach(p -> byType.put(
                p.path("InstanceType").asText(), p.path("CurrentInstanceCount").asInt()));
        return byType;
    }

    /** The cores each copy holds, by the type of its instance: each type's specification. */
    private static Map<String, Double> coresByType(JsonNode variant) {
        Map<String, String> typeOf = new HashMap<>();
        variant.path("Instances")
                .forEach(i -> typeOf.put(
                        i.path("InstanceId").asText(), i.path("InstanceType").asText()));
        Map<String, Double> cores = new HashMap<>();
        variant.path("InferenceComponents")
                .get(0)
                .path("Copies")
                .forEach(c -> cores.put(
                        typeOf.get(c.path("InstanceId").asText()),
                        c.path("NumberOfCpuCores").asDouble()));
        return cores;
    }

    private static JsonNode sageMaker(String operation, String body) {
        return signed("SageMaker." + operation, body);
    }

    private static JsonNode signed(String target, String body) {
        return SignedJson.call(STOWAGE.running().baseUri(), target, body.replace('\'', '"'));
    }
}
