package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.local.sdk.FleetHistory.LiveCopy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeInferenceComponentResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;
import software.amazon.awssdk.services.sagemaker.model.ManagedInstanceScalingStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantSummary;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The launch-lab scenario of issue 3 with the real AWS SDK against local mode's simulated fleet: an endpoint on
 * {@code ml.g5.24xlarge} (4 GPUs) with managed instance scaling 1–2; components needing 1, 2 and 1 accelerators
 * share one instance; one more copy brings a second instance; a crashed host's copies come back elsewhere; asking
 * for more copies than two instances could ever hold is refused, and for more than the other components leave room
 * for is blocked with the reason; deleting the components lets the second instance go.
 * After every step the fleet stream is replayed to check that no device is ever held by two live copies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaunchLabIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    static final String ROLE = "arn:aws:iam::123456789012:role/StowageExecutionRole";
    static final String ENDPOINT = "launch-lab";
    static final String CONFIG = "launch-lab-config";
    static final String VARIANT = "AllTraffic";
    static final String FLEET = "fleet/" + ENDPOINT + "/" + VARIANT;
    static final int GPUS = 4;
    static final String SMALL = "lab-small";
    static final String PAIR = "lab-pair";
    static final String TINY = "lab-tiny";
    static final Map<String, Integer> ACCELERATORS = Map.of(SMALL, 1, PAIR, 2, TINY, 1);
    static final Duration WAIT = Duration.ofSeconds(30);

    private static SageMakerClient sageMaker() {
        return STOWAGE.sageMaker();
    }

    @Test
    @Order(1)
    void theEndpointStartsOnOneInstance() {
        sageMaker().createEndpointConfig(b -> b.endpointConfigName(CONFIG)
                .executionRoleArn(ROLE)
                .productionVariants(v -> v.variantName(VARIANT)
                        .instanceType("ml.g5.24xlarge")
                        .initialInstanceCount(1)
                        .managedInstanceScaling(m -> m.status(ManagedInstanceScalingStatus.ENABLED)
                                .minInstanceCount(1)
                                .maxInstanceCount(2))));
        sageMaker().createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(CONFIG));

        var endpoint = STOWAGE.waiter()
                .waitUntilEndpointInService(b -> b.endpointName(ENDPOINT))
                .matched()
                .response()
                .orElseThrow();

        assertThat(endpoint.endpointStatus()).isEqualTo(EndpointStatus.IN_SERVICE);
        assertThat(variant().currentInstanceCount()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void componentsNeedingOneTwoAndOneAcceleratorsShareOneInstance() {
        for (String ic : List.of(SMALL, PAIR, TINY)) {
            sageMaker().createInferenceComponent(b -> b.inferenceComponentName(ic)
                    .endpointName(ENDPOINT)
                    .variantName(VARIANT)
                    .specification(s -> s.container(c -> c.image("stowage/echo"))
                            .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(2.0f)
                                    .numberOfAcceleratorDevicesRequired((float) ACCELERATORS.get(ic))
                                    .minMemoryRequiredInMb(2048)))
                    .runtimeConfig(r -> r.copyCount(1)));
        }

        for (String ic : List.of(SMALL, PAIR, TINY)) {
            awaitCopies(ic, 1);
        }

        ProductionVariantSummary variant = variant();
        assertThat(variant.currentInstanceCount()).isEqualTo(1);
        assertThat(variant.desiredInstanceCount()).isEqualTo(1);
        Map<String, LiveCopy> live = liveCopies();
        assertThat(live.values()).extracting(LiveCopy::instanceId).containsOnly("i-1");
        assertThat(live.values().stream().flatMap(c -> c.devices().stream())).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    @Order(3)
    void oneMoreCopyBringsASecondInstance() {
        sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(SMALL)
                .desiredRuntimeConfig(r -> r.copyCount(2)));

        awaitCopies(SMALL, 2);

        Eventually.await(WAIT, "two instances", () -> variant().currentInstanceCount() == 2);
        assertThat(variant().desiredInstanceCount()).isEqualTo(2);
        Map<String, LiveCopy> live = liveCopies();
        assertThat(FleetHistory.instancesOf(live, SMALL)).containsExactlyInAnyOrder("i-1", "i-2");
        for (String ic : List.of(PAIR, TINY)) {
            assertThat(describe(ic).runtimeConfig().currentCopyCount()).isEqualTo(1);
        }
    }

    @Test
    @Order(4)
    void aKilledHostsCopiesComeBackOnAnotherInstance() {
        String victim = FleetHistory.instancesOf(liveCopies(), PAIR).iterator().next();
        Set<String> before = instances(liveCopies());

        STOWAGE.instances().kill(FLEET, victim);

        Eventually.await(
                WAIT,
                victim + " declared lost",
                () -> FleetHistory.read(STOWAGE.dynamoDb(), FLEET).ofType("fleet.instance-lost").stream()
                        .anyMatch(e -> e.data().path("instanceId").asText().equals(victim)));
        Eventually.await(WAIT, "every copy back on a live instance", () -> {
            for (String ic : List.of(SMALL, PAIR, TINY)) {
                DescribeInferenceComponentResponse d = describe(ic);
                assertThat(d.runtimeConfig().currentCopyCount())
                        .as(ic)
                        .isEqualTo(d.runtimeConfig().desiredCopyCount());
            }
            assertThat(variant().currentInstanceCount()).isEqualTo(2);
        });

        Map<String, LiveCopy> live = liveCopies();
        assertThat(instances(live)).doesNotContain(victim).hasSize(2);
        assertThat(instances(live)).as("the lost instance was replaced").isNotEqualTo(before);
        assertThat(FleetHistory.instancesOf(live, SMALL)).hasSize(2);
        assertThat(live.values()).hasSize(4);
        assertThat(FleetHistory.read(STOWAGE.dynamoDb(), FLEET).ofType("fleet.instance-lost"))
                .filteredOn(e -> e.data().path("instanceId").asText().equals(victim))
                .singleElement()
                .satisfies(e -> assertThat(e.data().path("why").asText()).startsWith("No heartbeat for 2 s"));
    }

    @Test
    @Order(5)
    void moreCopiesThanTwoInstancesHoldAreBlockedWithTheReason() {
        SageMakerException refused = Assertions.catchThrowableOfType(SageMakerException.class, () -> sageMaker()
                .updateInferenceComponentRuntimeConfig(
                        b -> b.inferenceComponentName(PAIR).desiredRuntimeConfig(r -> r.copyCount(5))));
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ResourceLimitExceeded");
        assertThat(refused.awsErrorDetails().errorMessage())
                .isEqualTo("CopyCount 5 exceeds the 4 copies variant \"AllTraffic\" can hold: at most 2 instances"
                        + " (its MaxInstanceCount) of ml.g5.24xlarge, 2 copies each.");

        sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(PAIR)
                .desiredRuntimeConfig(r -> r.copyCount(4)));

        DescribeInferenceComponentResponse blocked =
                Eventually.await(WAIT, PAIR + " blocked", () -> describe(PAIR), d -> d.failureReason() != null);

        assertThat(blocked.inferenceComponentStatus()).isEqualTo(InferenceComponentStatus.UPDATING);
        assertThat(blocked.runtimeConfig().desiredCopyCount()).isEqualTo(4);
        assertThat(blocked.runtimeConfig().currentCopyCount()).isLessThan(4);
        assertThat(blocked.failureReason())
                .contains("of " + PAIR + " pending")
                .contains("2 accelerator devices")
                .endsWith("MaxInstanceCount 2 reached");
        assertThat(variant().currentInstanceCount()).isEqualTo(2);
        liveCopies();

        sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(PAIR)
                .desiredRuntimeConfig(r -> r.copyCount(1)));

        DescribeInferenceComponentResponse unblocked = awaitCopies(PAIR, 1);
        assertThat(unblocked.failureReason()).isNull();
    }

    @Test
    @Order(6)
    void deletingTheComponentsLetsTheSecondInstanceGoAfterItsCoolDown() {
        for (String ic : List.of(SMALL, PAIR, TINY)) {
            sageMaker().deleteInferenceComponent(b -> b.inferenceComponentName(ic));
        }
        for (String ic : List.of(SMALL, PAIR, TINY)) {
            Eventually.await(WAIT, ic + " gone", () -> {
                SageMakerException error =
                        Assertions.catchThrowableOfType(SageMakerException.class, () -> describe(ic));
                assertThat(error).isNotNull();
                assertThat(error.awsErrorDetails().errorMessage())
                        .isEqualTo("Could not find inference component \"" + ic + "\".");
            });
        }

        Eventually.await(WAIT, "back to MinInstanceCount 1", () -> variant().currentInstanceCount() == 1);

        assertThat(variant().desiredInstanceCount()).isEqualTo(1);
        assertThat(liveCopies()).isEmpty();
        assertThat(FleetHistory.read(STOWAGE.dynamoDb(), FLEET).ofType("fleet.instance-retired"))
                .hasSize(1);
    }

    @Test
    @Order(7)
    void theEndpointIsDeletedWithItsLastInstance() {
        sageMaker().deleteEndpoint(b -> b.endpointName(ENDPOINT));

        STOWAGE.waiter()
                .waitUntilEndpointDeleted(b -> b.endpointName(ENDPOINT))
                .matched()
                .exception()
                .orElseThrow();

        Eventually.await(
                WAIT, "the last instance terminated", () -> STOWAGE.instances().launched(FLEET), Set::isEmpty);
        assertThat(FleetHistory.read(STOWAGE.dynamoDb(), FLEET).liveCopiesCheckingDevices(GPUS))
                .isEmpty();
    }

    private static ProductionVariantSummary variant() {
        return sageMaker()
                .describeEndpoint(b -> b.endpointName(ENDPOINT))
                .productionVariants()
                .getFirst();
    }

    private static DescribeInferenceComponentResponse describe(String name) {
        return sageMaker().describeInferenceComponent(b -> b.inferenceComponentName(name));
    }

    private static DescribeInferenceComponentResponse awaitCopies(String name, int copies) {
        return ComponentWaits.awaitInService(sageMaker(), WAIT, name, copies);
    }

    /** The copies live now, after checking the whole history for a device held twice. */
    private static Map<String, LiveCopy> liveCopies() {
        return FleetHistory.read(STOWAGE.dynamoDb(), FLEET).liveCopiesCheckingDevices(GPUS);
    }

    private static Set<String> instances(Map<String, LiveCopy> live) {
        Set<String> instances = new TreeSet<>();
        live.values().forEach(c -> instances.add(c.instanceId()));
        return instances;
    }
}
