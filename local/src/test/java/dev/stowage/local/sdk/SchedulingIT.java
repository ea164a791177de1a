package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPREAD vs BINPACK in local mode with two zones ({@code up --zones 2}): an endpoint of two ml.g5.12xlarge instances
 * (4 GPUs each), one per zone; a SPREAD component's two copies go to both instances, then a BINPACK component's two
 * copies share one, and ExplainPlacement says which strategy placed each copy and in which zone each instance is.
 * {@code SchedulingConfig} is newer than the Java SDK on this project's Maven mirror, so the calls go as signed JSON
 * ({@link SignedJson}).
 */
class SchedulingIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(
            RunningStowage.FAST.withSettings(RunningStowage.FAST.settings().withZones(2)));

    private static final String ENDPOINT = "sched-ep";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void spread_copies_go_to_different_instances_and_binpack_copies_share_one() {
        call(
                "SageMaker.CreateEndpointConfig",
                "{'EndpointConfigName':'" + ENDPOINT + "',"
                        + "'ExecutionRoleArn':'arn:aws:iam::123456789012:role/stowage',"
                        + "'ProductionVariants':[{'VariantName':'AllTraffic','InstanceType':'ml.g5.12xlarge',"
                        + "'InitialInstanceCount':2}]}");
        STOWAGE.sageMaker().createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(ENDPOINT));
        STOWAGE.waiter().waitUntilEndpointInService(b -> b.endpointName(ENDPOINT));

        component("spread-ic", "SPREAD");
        ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, "spread-ic", 2);
        component("binpack-ic", "BINPACK");
        ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, "binpack-ic", 2);

        JsonNode variant = call("Stowage.ExplainPlacement", "{'EndpointName':'" + ENDPOINT + "'}")
                .path("Variants")
                .get(0);
        Set<String> zones = new TreeSet<>();
        variant.path("Instances")
                .forEach(i -> zones.add(i.path("AvailabilityZone").asText()));
        assertThat(zones).containsExactly("us-east-1a", "us-east-1b");

        Map<String, Set<String>> instancesOf = new HashMap<>();
        Map<String, List<String>> whys = new HashMap<>();
        variant.path("InferenceComponents").forEach(ic -> ic.path("Copies").forEach(copy -> {
            String name = ic.path("InferenceComponentName").asText();
            instancesOf
                    .computeIfAbsent(name, n -> new TreeSet<>())
                    .add(copy.path("InstanceId").asText());
            whys.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(copy.path("Why").asText());
        }));
        assertThat(instancesOf.get("spread-ic")).hasSize(2);
        assertThat(instancesOf.get("binpack-ic")).hasSize(1);
        assertThat(whys.get("spread-ic")).allMatch(why -> why.contains("by SPREAD (fewest copies of spread-ic)"));
        assertThat(whys.get("binpack-ic")).allMatch(why -> why.contains("by BINPACK (fullest instance that fits)"));
    }

    private static void component(String name, String strategy) {
        call(
                "SageMaker.CreateInferenceComponent",
                "{'InferenceComponentName':'" + name + "','EndpointName':'"
                        + ENDPOINT + "','VariantName':'AllTraffic','RuntimeConfig':{'CopyCount':2},"
                        + "'Specification':{'Container':{'Image':'stowage/echo'},"
                        + "'ComputeResourceRequirements':{'NumberOfAcceleratorDevicesRequired':1,'MinMemoryRequiredInMb':1024},"
                        + "'SchedulingConfig':{'PlacementStrategy':'" + strategy + "'}}}");
    }

    private static JsonNode call(String target, String body) {
        return SignedJson.call(STOWAGE.running().baseUri(), target, body.replace('\'', '"'));
    }
}
