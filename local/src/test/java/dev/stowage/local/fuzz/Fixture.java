package dev.stowage.local.fuzz;

import dev.stowage.domain.store.StreamIds;
import dev.stowage.host.InferenceHost;
import dev.stowage.local.sdk.Eventually;
import dev.stowage.local.sdk.RunningStowage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;

/**
 * The resources requests can name, made once before fuzzing through the real SDK: a model, an endpoint config, an
 * endpoint with one instance and an inference component with one copy of {@code stowage/echo}, settled (InService,
 * no event written for a second) so that any later event is one a request wrote.
 *
 * @param api local mode's port
 * @param hosts the runtime ports of the endpoint's hosts
 * @param events how many events the table holds once settled
 */
record Fixture(URI api, List<URI> hosts, long events) {
    static final String ROLE = "arn:aws:iam::123456789012:role/StowageExecutionRole";
    static final String MODEL = "fz-model";
    static final String CONFIG = "fz-config";
    static final String ENDPOINT = "fz-endpoint";
    static final String VARIANT = "AllTraffic";
    static final String COMPONENT = "fz-ic";
    /** A name no resource has: requests that name it are refused as not found. */
    static final String MISSING = "fz-missing";

    private static final Duration WAIT = Duration.ofSeconds(60);

    static Fixture create(RunningStowage stowage) {
        SageMakerClient sageMaker = stowage.sageMaker();
        sageMaker.createModel(
                b -> b.modelName(MODEL).executionRoleArn(ROLE).primaryContainer(c -> c.image("stowage/echo")));
        sageMaker.createEndpointConfig(
                b -> b.endpointConfigName(CONFIG).executionRoleArn(ROLE).productionVariants(v -> v.variantName(VARIANT)
                        .instanceType("ml.g5.12xlarge")
                        .initialInstanceCount(1)));
        sageMaker.createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(CONFIG));
        sageMaker.createInferenceComponent(b -> b.inferenceComponentName(COMPONENT)
                .endpointName(ENDPOINT)
                .variantName(VARIANT)
                .specification(s -> s.modelName(MODEL).computeResourceRequirements(r -> r.numberOfCpuCoresRequired(1.0f)
                        .numberOfAcceleratorDevicesRequired(1.0f)
                        .minMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(1)));
        stowage.waiter()
                .waitUntilEndpointInService(b -> b.endpointName(ENDPOINT))
                .matched()
                .response()
                .orElseThrow();
        Eventually.await(
                WAIT,
                COMPONENT + " InService",
                () -> sageMaker
                                .describeInferenceComponent(b -> b.inferenceComponentName(COMPONENT))
                                .inferenceComponentStatus()
                        == InferenceComponentStatus.IN_SERVICE);
        long events =
                Eventually.awaitSteady(WAIT, "events written by the fleet", stowage::eventCount, Duration.ofSeconds(1));
        List<URI> hosts = stowage.instances().hosts(StreamIds.fleet(ENDPOINT, VARIANT)).stream()
                .map(InferenceHost::address)
                .toList();
        return new Fixture(stowage.baseUri(), hosts, events);
    }
}
