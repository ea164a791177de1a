package dev.stowage.local.sdk;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;

/** An endpoint for inference components on one ml.g5.12xlarge, with components of one accelerator each. */
final class ScalingSetup {
    static final String ROLE = BadRequestsIT.ROLE;
    static final String ENDPOINT = "travel-endpoint";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ScalingSetup() {}

    /** Creates the model, config, endpoint and {@code components} (each with {@code copies}), all InService. */
    static void endpointWith(LocalModeExtension stowage, int copies, List<String> components) {
        SageMakerClient sageMaker = stowage.sageMaker();
        sageMaker.createModel(
                b -> b.modelName("llama").executionRoleArn(ROLE).primaryContainer(c -> c.image("stowage/echo")));
        sageMaker.createEndpointConfig(b -> b.endpointConfigName("travel-config")
                .executionRoleArn(ROLE)
                .productionVariants(BadRequestsIT.icVariant()));
        sageMaker.createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName("travel-config"));
        for (String component : components) {
            sageMaker.createInferenceComponent(b -> b.inferenceComponentName(component)
                    .endpointName(ENDPOINT)
                    .specification(s -> s.modelName("llama").computeResourceRequirements(BadRequestsIT.requirements()))
                    .runtimeConfig(r -> r.copyCount(copies)));
        }
        stowage.waiter()
                .waitUntilEndpointInService(b -> b.endpointName(ENDPOINT))
                .matched()
                .response()
                .orElseThrow();
        for (String component : components) {
            Eventually.await(
                    WAIT,
                    component + " InService",
                    () -> sageMaker
                                    .describeInferenceComponent(b -> b.inferenceComponentName(component))
                                    .inferenceComponentStatus()
                            == InferenceComponentStatus.IN_SERVICE);
        }
        Eventually.awaitSteady(WAIT, "events written by the fleet", stowage::eventCount, Duration.ofSeconds(1));
    }
}
