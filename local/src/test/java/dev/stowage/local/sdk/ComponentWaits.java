package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeInferenceComponentResponse;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;

/** Waiting for inference components to converge, as the SDK has no waiter for them. */
final class ComponentWaits {
    private ComponentWaits() {}

    /** Waits until {@code name} is InService with {@code copies} desired and current copies. */
    static DescribeInferenceComponentResponse awaitInService(
            SageMakerClient sageMaker, Duration wait, String name, int copies) {
        DescribeInferenceComponentResponse ic = Eventually.await(
                wait,
                name + " InService with " + copies + " copies",
                () -> sageMaker.describeInferenceComponent(b -> b.inferenceComponentName(name)),
                d -> d.inferenceComponentStatus() == InferenceComponentStatus.IN_SERVICE
                        && d.runtimeConfig().currentCopyCount() == copies);
        assertThat(ic.runtimeConfig().desiredCopyCount()).isEqualTo(copies);
        assertThat(ic.failureReason()).isNull();
        return ic;
    }
}
