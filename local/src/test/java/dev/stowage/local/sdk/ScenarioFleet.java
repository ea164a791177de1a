package dev.stowage.local.sdk;

import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.host.serving.ServingSettings;
import dev.stowage.local.wiring.LocalFleetOptions;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;
import software.amazon.awssdk.services.sagemaker.model.RoutingStrategy;

/**
 * Local mode for the autoscaling scenarios: a fleet whose timers are given in simulated time, as on the service (an
 * instance boots in 30 s, an idle one is retired after a minute), except those that would tick faster than a machine
 * of two shared cores keeps up with: hosts poll every 20 ms and beat every 100 ms of real time, placement ticks every
 * 100 ms, and a host is lost after 2 s of real silence; a model has 5 s of real time to answer (60 s at time scale
 * 12), as a machine busy with other builds can stall for longer than the service's 60 s at a higher scale. Endpoints are one {@code ml.g5.12xlarge} (4 accelerators)
 * with managed instance scaling; components take one accelerator per copy, so several copies fit one instance.
 */
final class ScenarioFleet {
    static final String ROLE = BadRequestsIT.ROLE;
    static final String VARIANT = "AllTraffic";
    static final Duration WAIT = Duration.ofSeconds(30);

    private ScenarioFleet() {}

    /** The fleet's options at {@code timeScale}. */
    static LocalFleetOptions atTimeScale(double timeScale) {
        return new LocalFleetOptions(
                new FleetSettings(
                        Duration.ofMinutes(1),
                        2,
                        3,
                        simulated(Duration.ofSeconds(2), timeScale),
                        Duration.ofMinutes(15)),
                Duration.ofSeconds(30),
                simulated(Duration.ofMillis(20), timeScale),
                simulated(Duration.ofMillis(100), timeScale),
                simulated(Duration.ofMillis(100), timeScale),
                timeScale,
                ServingSettings.defaults().withInvocationTimeout(simulated(Duration.ofSeconds(5), timeScale)));
    }

    /** The simulated duration that lasts {@code real} at {@code timeScale}. */
    static Duration simulated(Duration real, double timeScale) {
        return Duration.ofNanos((long) (real.toNanos() * timeScale));
    }

    /** The real duration {@code simulated} lasts at {@code timeScale}. */
    static Duration real(Duration simulated, double timeScale) {
        return Duration.ofNanos((long) (simulated.toNanos() / timeScale));
    }

    /**
     * Creates an endpoint of one ml.g5.12xlarge, managed instance scaling between {@code minInstances} and 2, and
     * waits until it is InService.
     */
    static void endpoint(LocalModeExtension stowage, String endpoint, int minInstances) {
        SageMakerClient sageMaker = stowage.sageMaker();
        sageMaker.createEndpointConfig(
                b -> b.endpointConfigName(endpoint).executionRoleArn(ROLE).productionVariants(v -> v.variantName(
                                VARIANT)
                        .instanceType(ProductionVariantInstanceType.ML_G5_12_XLARGE)
                        .initialInstanceCount(1)
                        .managedInstanceScaling(m -> m.status("ENABLED")
                                .minInstanceCount(minInstances)
                                .maxInstanceCount(2))));
        sageMaker.createEndpoint(b -> b.endpointName(endpoint).endpointConfigName(endpoint));
        stowage.waiter()
                .waitUntilEndpointInService(b -> b.endpointName(endpoint))
                .matched()
                .response()
                .orElseThrow();
    }

    /** Creates an endpoint of two ml.g5.xlarge instances routing at random, and does not wait for it. */
    static void twoInstanceEndpoint(LocalModeExtension stowage, String endpoint) {
        SageMakerClient sageMaker = stowage.sageMaker();
        sageMaker.createEndpointConfig(
                b -> b.endpointConfigName(endpoint).executionRoleArn(ROLE).productionVariants(v -> v.variantName(
                                VARIANT)
                        .instanceType(ProductionVariantInstanceType.ML_G5_XLARGE)
                        .initialInstanceCount(2)
                        .routingConfig(r -> r.routingStrategy(RoutingStrategy.RANDOM))));
        sageMaker.createEndpoint(b -> b.endpointName(endpoint).endpointConfigName(endpoint));
    }

    /**
     * Creates {@code component} on {@code endpoint} with {@code copies} copies of {@code image} (one accelerator, one
     * core, 1 GB each) and its container {@code environment}, and waits until they serve.
     */
    static void component(
            LocalModeExtension stowage,
            String endpoint,
            String component,
            String image,
            Map<String, String> environment,
            int copies) {
        stowage.sageMaker().createInferenceComponent(b -> b.inferenceComponentName(component)
                .endpointName(endpoint)
                .variantName(VARIANT)
                .specification(s -> s.container(c -> c.image(image).environment(environment))
                        .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(1f)
                                .numberOfAcceleratorDevicesRequired(1f)
                                .minMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(copies)));
        ComponentWaits.awaitInService(stowage.sageMaker(), WAIT, component, copies);
    }
}
