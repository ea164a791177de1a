package dev.stowage.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.MutableClock;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.FleetEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Stowage.ExplainPlacement} on the in-memory API: instances with what is free, copies and why. */
class PlacementExplainerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryApi api = new InMemoryApi(clock);

    @Test
    void explains_instances_copies_and_what_is_pending() throws Exception {
        call(
                "SageMaker.CreateEndpointConfig",
                "{'EndpointConfigName':'cfg','ExecutionRoleArn':'arn:aws:iam::123456789012:role/r',"
                        + "'ProductionVariants':[{'VariantName':'AllTraffic','InstanceType':'ml.g5.12xlarge',"
                        + "'InitialInstanceCount':1}]}");
        call("SageMaker.CreateEndpoint", "{'EndpointName':'ep','EndpointConfigName':'cfg'}");
        call(
                "SageMaker.CreateInferenceComponent",
                "{'InferenceComponentName':'ic','EndpointName':'ep','VariantName':'AllTraffic','Specification':"
                        + "{'Container':{'Image':'stowage/echo'},'ComputeResourceRequirements':"
                        + "{'NumberOfCpuCoresRequired':2,'NumberOfAcceleratorDevicesRequired':1,"
                        + "'MinMemoryRequiredInMb':1024}},'RuntimeConfig':{'CopyCount':2}}");
        api.events.append(
                StreamIds.fleet("ep", "AllTraffic"),
                0,
                List.of(
                        new FleetEvent.InstanceRequested("i-1", "ml.g5.12xlarge", "the endpoint's first", T0),
                        new FleetEvent.InstanceRegistered(
                                "i-1", "http://10.0.0.1:8080", new FleetEvent.Capacity(44_000, 180_000, 4), T0),
                        new FleetEvent.CopyScheduled(
                                "ic", "ic-c1", "i-1", List.of(2), 2000, 1024, "", "best fit", T0, T0),
                        new FleetEvent.CopyLoaded("ic-c1", T0),
                        new FleetEvent.PlacementBlocked("ic", "1 copy needs a second instance.", T0)),
                new AppendContext(T0, "test", "test"));

        JsonNode explained = InMemoryApi.body(call("Stowage.ExplainPlacement", "{'EndpointName':'ep'}"));

        JsonNode variant = explained.at("/Variants/0");
        assertThat(variant.get("InstanceType").asText()).isEqualTo("ml.g5.12xlarge");
        JsonNode instance = variant.at("/Instances/0");
        assertThat(instance.get("InstanceId").asText()).isEqualTo("i-1");
        assertThat(instance.at("/Free/NumberOfAcceleratorDevices").asInt()).isEqualTo(3);
        assertThat(instance.at("/Free/NumberOfCpuCores").asDouble()).isEqualTo(42.0);
        assertThat(instance.get("FreeAcceleratorDeviceIndices").toString()).isEqualTo("[0,1,3]");
        JsonNode component = variant.at("/InferenceComponents/0");
        assertThat(component.get("InferenceComponentName").asText()).isEqualTo("ic");
        assertThat(component.get("DesiredCopyCount").asInt()).isEqualTo(2);
        assertThat(component.get("CurrentCopyCount").asInt()).isEqualTo(1);
        assertThat(component.get("PendingCopyCount").asInt()).isEqualTo(1);
        assertThat(component.get("PendingReason").asText()).isEqualTo("1 copy needs a second instance.");
        assertThat(component.at("/Copies/0/AcceleratorDeviceIndices").toString())
                .isEqualTo("[2]");
        assertThat(component.at("/Copies/0/Why").asText()).isEqualTo("best fit");
        assertThat(component.at("/Copies/0/RunsCurrentSpecification").asBoolean())
                .isTrue();
        assertThat(component.has("Rollout")).as("nothing to replace").isFalse();

        clock.advance(Duration.ofMinutes(1));
        var updated = call(
                "SageMaker.UpdateInferenceComponent",
                "{'InferenceComponentName':'ic','Specification':{'Container':{'Image':'stowage/llm-sim'},"
                        + "'ComputeResourceRequirements':{'NumberOfCpuCoresRequired':2,"
                        + "'NumberOfAcceleratorDevicesRequired':1,'MinMemoryRequiredInMb':1024}},"
                        + "'DeploymentConfig':{'RollingUpdatePolicy':{'MaximumBatchSize':{'Type':'COPY_COUNT',"
                        + "'Value':1},'WaitIntervalInSeconds':300,'MaximumExecutionTimeoutInSeconds':600}}}");
        assertThat(updated.getStatusCode()).as(updated.getBody()).isEqualTo(200);
        JsonNode rolling = InMemoryApi.body(call("Stowage.ExplainPlacement", "{'EndpointName':'ep'}"))
                .at("/Variants/0/InferenceComponents/0");
        assertThat(rolling.at("/Copies/0/RunsCurrentSpecification").asBoolean()).isFalse();
        JsonNode rollout = rolling.get("Rollout");
        assertThat(rollout.get("Kind").asText()).isEqualTo("Rolling");
        assertThat(rollout.get("CurrentSpecificationCopies").asInt()).isZero();
        assertThat(rollout.get("OtherSpecificationCopies").asInt()).isEqualTo(1);
        assertThat(rollout.get("MaximumBatchSize").asInt()).isEqualTo(1);
        assertThat(rollout.get("WaitIntervalInSeconds").asLong()).isEqualTo(300);
        assertThat(rollout.get("RollbackAt").asDouble()).isEqualTo(1767225600.0 + 60 + 600);

        assertThat(InMemoryApi.body(call("Stowage.ExplainPlacement", "{'EndpointName':'nope'}"))
                        .get("message")
                        .asText())
                .isEqualTo("Could not find endpoint \"arn:aws:sagemaker:us-east-1:123456789012:endpoint/nope\".");
    }

    private APIGatewayProxyResponseEvent call(String target, String body) {
        return api.call("/", target, body);
    }
}
