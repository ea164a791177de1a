package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.stowage.testing.docker.DockerEngine;
import dev.stowage.testing.docker.TestImage;
import dev.stowage.testing.docker.TestImages;
import dev.stowage.testing.docker.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * The announcement's walkthrough with a real model image, through the real SDKs against local mode on the machine's
 * Docker Engine: a bring-your-own-container scikit-learn server whose {@code model.tar.gz} is the component's {@code
 * ArtifactUrl}; the component goes InService, predicts what the model predicts, scales out to 3 copies over 2
 * instances and back in, and is deleted with no container left behind. A streaming image answers token by token.
 */
@ExtendWith(DockerEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerWalkthroughIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = LocalModeExtension.onDisk();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ROLE = BadRequestsIT.ROLE;
    private static final String ENDPOINT = "sklearn-endpoint";
    private static final String COMPONENT = "sklearn-regressor";
    private static final String STREAMING = "token-streamer";
    private static final String DEPLOYMENT = "local-" + ProcessHandle.current().pid();

    @TempDir
    static Path work;

    private static TrainedModel model;
    private final DockerClient docker = DockerEngine.client();

    private static SageMakerClient sageMaker() {
        return STOWAGE.sageMaker();
    }

    @Test
    @Order(1)
    void a_byoc_component_with_its_artifact_goes_in_service_on_a_container() throws Exception {
        model = TrainedModel.train(docker, work);
        Path object = STOWAGE.running().bucketRoot().resolve("models/sklearn/model.tar.gz");
        Files.createDirectories(object.getParent());
        Files.copy(model.archive(), object);
        sageMaker().createEndpointConfig(b -> b.endpointConfigName(ENDPOINT)
                .executionRoleArn(ROLE)
                .productionVariants(v -> v.variantName("AllTraffic")
                        .instanceType(ProductionVariantInstanceType.ML_G5_12_XLARGE)
                        .initialInstanceCount(1)
                        .managedInstanceScaling(
                                m -> m.status("ENABLED").minInstanceCount(1).maxInstanceCount(2))));
        sageMaker().createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(ENDPOINT));
        STOWAGE.waiter().waitUntilEndpointInService(b -> b.endpointName(ENDPOINT));

        sageMaker().createInferenceComponent(b -> b.inferenceComponentName(COMPONENT)
                .endpointName(ENDPOINT)
                .variantName("AllTraffic")
                .specification(s -> s.container(c -> c.image(TestImages.ensure(docker, TestImage.BYOC_SKLEARN))
                                .artifactUrl("s3://models/sklearn/model.tar.gz"))
                        .dataCacheConfig(d -> d.enableCaching(true))
                        .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(1f)
                                .numberOfAcceleratorDevicesRequired(2f)
                                .minMemoryRequiredInMb(512)
                                .maxMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(1)));

        ComponentWaits.awaitInService(sageMaker(), WAIT, COMPONENT, 1);
        assertThat(containersOf(COMPONENT)).hasSize(1);
        assertThat(sageMaker()
                        .describeInferenceComponent(b -> b.inferenceComponentName(COMPONENT))
                        .specification()
                        .dataCacheConfig()
                        .enableCaching())
                .isTrue();
    }

    @Test
    @Order(2)
    void the_endpoint_answers_with_the_models_predictions() throws Exception {
        try (SageMakerRuntimeClient runtime = STOWAGE.running().runtime(true)) {
            assertPredicts(runtime);
        }
    }

    @Test
    @Order(3)
    void it_scales_out_to_three_copies_over_two_instances_and_back_in() throws Exception {
        sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(COMPONENT)
                .desiredRuntimeConfig(r -> r.copyCount(3)));
        ComponentWaits.awaitInService(sageMaker(), WAIT, COMPONENT, 3);
        assertThat(sageMaker()
                        .describeEndpoint(b -> b.endpointName(ENDPOINT))
                        .productionVariants()
                        .getFirst()
                        .currentInstanceCount())
                .isEqualTo(2);
        assertThat(containersOf(COMPONENT)).hasSize(3);
        assertThat(containersOf(COMPONENT))
                .extracting(c -> c.getLabels().get("dev.stowage.instance"))
                .containsOnly("i-1", "i-2");
        try (SageMakerRuntimeClient runtime = STOWAGE.running().runtime(true)) {
            for (int i = 0; i < 6; i++) {
                assertPredicts(runtime);
            }
        }

        sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(COMPONENT)
                .desiredRuntimeConfig(r -> r.copyCount(1)));
        ComponentWaits.awaitInService(sageMaker(), WAIT, COMPONENT, 1);
        Eventually.await(WAIT, "one container left", () -> containersOf(COMPONENT), list -> list.size() == 1);
    }

    @Test
    @Order(4)
    void a_streaming_image_answers_token_by_token() throws Exception {
        sageMaker().createInferenceComponent(b -> b.inferenceComponentName(STREAMING)
                .endpointName(ENDPOINT)
                .variantName("AllTraffic")
                .specification(s -> s.container(c -> c.image(TestImages.ensure(docker, TestImage.STREAMING))
                                .environment(Map.of("STREAM_TOKEN_DELAY_MS", "20")))
                        .computeResourceRequirements(
                                r -> r.numberOfCpuCoresRequired(0.5f).minMemoryRequiredInMb(128)))
                .runtimeConfig(r -> r.copyCount(1)));
        ComponentWaits.awaitInService(sageMaker(), WAIT, STREAMING, 1);

        List<String> parts;
        try (SageMakerRuntimeAsyncClient streaming = STOWAGE.running().runtimeAsync()) {
            parts = ResponseStreams.parts(
                    streaming,
                    ENDPOINT,
                    STREAMING,
                    "{\"inputs\": \"hello world\", \"parameters\": {\"max_new_tokens\": 6}}");
        }
        assertThat(String.join("", parts)).isEqualTo("hello world hello world hello world ");
        assertThat(parts).as("token by token, not one buffered answer").hasSizeGreaterThan(1);
    }

    @Test
    @Order(5)
    void deleting_the_components_leaves_no_container_behind() {
        for (String component : List.of(COMPONENT, STREAMING)) {
            sageMaker().deleteInferenceComponent(b -> b.inferenceComponentName(component));
        }
        for (String component : List.of(COMPONENT, STREAMING)) {
            Eventually.await(
                    WAIT,
                    component + " gone",
                    () -> sageMaker()
                            .listInferenceComponents(b -> b.nameContains(component))
                            .inferenceComponents(),
                    List::isEmpty);
        }
        Eventually.await(WAIT, "no container left", () -> containersOf(null), List::isEmpty);
        sageMaker().deleteEndpoint(b -> b.endpointName(ENDPOINT));
    }

    private static void assertPredicts(SageMakerRuntimeClient runtime) throws Exception {
        ObjectNode request = JSON.createObjectNode();
        request.set("instances", JSON.valueToTree(model.instances()));
        InvokeEndpointResponse response = runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                .inferenceComponentName(COMPONENT)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String(request.toString())));
        JsonNode predictions = JSON.readTree(response.body().asUtf8String()).get("predictions");
        assertThat(predictions).hasSize(model.predictions().size());
        for (int i = 0; i < model.predictions().size(); i++) {
            assertThat(predictions.get(i).asDouble())
                    .isCloseTo(model.predictions().get(i), offset(1e-9));
        }
    }

    /** This local mode's containers, of {@code component} (or of every component when null). */
    private List<Container> containersOf(@Nullable String component) {
        var filter = new LinkedHashMap<String, String>();
        filter.put("dev.stowage.deployment", DEPLOYMENT);
        if (component != null) {
            filter.put("dev.stowage.inference-component", component);
        }
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(filter)
                .exec();
    }
}
