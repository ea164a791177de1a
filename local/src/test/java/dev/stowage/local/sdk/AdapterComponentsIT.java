package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeInferenceComponentResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Adapter inference components through the Java SDK: created on a base with only the adapter's location, shown as
 * the service shows them, refused with the service's words when they ask for what only a base has, and a base that
 * still has adapters is not deleted. Loading them into the base's copies and invoking them: {@link AdapterServingIT}.
 */
class AdapterComponentsIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(ScenarioFleet.atTimeScale(60));

    private static final String ENDPOINT = "adapters-ep";
    private static final String BASE = "adapters-base";
    private static final String ADAPTER = "adapters-tuned";

    @Test
    void an_adapter_rides_on_its_base_and_keeps_it_from_being_deleted() {
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 1);
        ScenarioFleet.component(STOWAGE, ENDPOINT, BASE, "stowage/echo", Map.of(), 1);
        SageMakerClient sageMaker = STOWAGE.sageMaker();

        sageMaker.createInferenceComponent(b -> b.inferenceComponentName(ADAPTER)
                .endpointName(ENDPOINT)
                .specification(
                        s -> s.baseInferenceComponentName(BASE).container(c -> c.artifactUrl("s3://adapters/tuned/"))));

        DescribeInferenceComponentResponse adapter =
                sageMaker.describeInferenceComponent(b -> b.inferenceComponentName(ADAPTER));
        assertThat(adapter.specification().baseInferenceComponentName()).isEqualTo(BASE);
        assertThat(adapter.specification().container().artifactUrl()).isEqualTo("s3://adapters/tuned/");
        assertThat(adapter.variantName()).isEqualTo("AllTraffic");
        assertThat(adapter.runtimeConfig())
                .as("an adapter has no copies of its own")
                .isNull();
        assertThat(sageMaker
                        .listInferenceComponents(b -> b.endpointNameEquals(ENDPOINT))
                        .inferenceComponents())
                .extracting(c -> c.inferenceComponentName())
                .contains(BASE, ADAPTER);

        // Loaded into the base's copy in the background; counted once that is over.
        Eventually.await(
                ScenarioFleet.WAIT,
                ADAPTER + " InService",
                () -> sageMaker.describeInferenceComponent(b -> b.inferenceComponentName(ADAPTER)),
                d -> d.inferenceComponentStatusAsString().equals("InService"));
        long before = STOWAGE.eventCount();
        assertThat(refusal(() -> sageMaker.createInferenceComponent(b -> b.inferenceComponentName("adapters-bad")
                        .endpointName(ENDPOINT)
                        .specification(s -> s.baseInferenceComponentName(BASE)
                                .container(c -> c.artifactUrl("s3://adapters/bad/"))
                                .computeResourceRequirements(r -> r.minMemoryRequiredInMb(1024))))))
                .isEqualTo("ValidationException: ComputeResourceRequirements must not be specified for an adapter"
                        + " inference component: it uses the compute resources of its base inference component.");
        assertThat(refusal(() -> sageMaker.createInferenceComponent(b -> b.inferenceComponentName("adapters-bad")
                        .endpointName(ENDPOINT)
                        .specification(s -> s.baseInferenceComponentName(ADAPTER)
                                .container(c -> c.artifactUrl("s3://adapters/bad/"))))))
                .isEqualTo("ValidationException: Inference component \"" + ADAPTER + "\" is an adapter inference"
                        + " component and cannot be the base of another.");
        assertThat(refusal(() -> sageMaker.deleteInferenceComponent(b -> b.inferenceComponentName(BASE))))
                .isEqualTo("ValidationException: Cannot delete inference component \"" + BASE + "\": it is a base"
                        + " inference component for one or more associated adapter inference components (" + ADAPTER
                        + "). Delete the adapter inference components first.");
        assertThat(STOWAGE.eventCount())
                .as("events written by refused requests")
                .isEqualTo(before);

        sageMaker.deleteInferenceComponent(b -> b.inferenceComponentName(ADAPTER));
        Eventually.await(
                ScenarioFleet.WAIT,
                "the adapter deleted",
                () ->
                        sageMaker
                                .listInferenceComponents(b -> b.endpointNameEquals(ENDPOINT))
                                .inferenceComponents()
                                .stream()
                                .noneMatch(c -> c.inferenceComponentName().equals(ADAPTER)));
        sageMaker.deleteInferenceComponent(b -> b.inferenceComponentName(BASE));
    }

    private static String refusal(Runnable call) {
        SageMakerException error = catchThrowableOfType(SageMakerException.class, call::run);
        assertThat(error).as("refused").isNotNull();
        return error.awsErrorDetails().errorCode() + ": "
                + error.awsErrorDetails().errorMessage();
    }
}
