package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.testing.ModelArchives;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointConfigResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeInferenceComponentResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentCapacitySizeType;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentComputeResourceRequirements;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentDeploymentConfig;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentSpecification;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;
import software.amazon.awssdk.services.sagemaker.model.ListInferenceComponentsResponse;
import software.amazon.awssdk.services.sagemaker.model.ManagedInstanceScalingStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantManagedInstanceScaling;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantRoutingConfig;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantSummary;
import software.amazon.awssdk.services.sagemaker.model.RoutingStrategy;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.waiters.SageMakerWaiter;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;

/**
 * The walkthrough of SageMaker's inference-component announcement (DESIGN §10: two fine-tuned Llama 2 variants
 * for a travel chat application, sharing one endpoint), with the real AWS SDK for Java v2 against local mode and
 * its simulated fleet: endpoints wait for their instances, components for their copies, deletes for the copies
 * and instances to go. The models run on the built-in {@code stowage/llm-sim} and {@code stowage/echo} images;
 * the Mistral component keeps its ECR image, which local mode cannot pull, and fails as it should. The steps run
 * in order and build on each other; list filters, sorts and pagination are in {@link ListOperationsChecks}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnouncementWalkthroughIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = LocalModeExtension.onDisk();

    static final String ARN_PREFIX = "arn:aws:sagemaker:us-east-1:123456789012:";
    static final String ROLE = "arn:aws:iam::123456789012:role/StowageExecutionRole";
    static final String LLM_SIM = "stowage/llm-sim";
    static final String ECHO = "stowage/echo";
    /**
     * An image local mode cannot get: no registry on the internet is reachable here, and without a Docker Engine
     * it could not run one at all.
     */
    static final String ECR_IMAGE =
            "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.0.1-tgi1.1.0-gpu-py39-cu118-ubuntu20.04";

    static final String MODEL_EU = "llama2-eu";
    static final String MODEL_US = "llama2-us";
    static final String IC_CONFIG = "travel-chat-config";
    static final String CLASSIC_CONFIG = "travel-chat-classic-config";
    static final String ENDPOINT = "travel-chat";
    static final String CLASSIC_ENDPOINT = "travel-chat-classic";
    static final String VARIANT = "AllTraffic";
    static final String IC_EU = "ic-llama2-eu";
    static final String IC_US = "ic-llama2-us";
    static final String IC_MISTRAL = "ic-mistral";
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Instants taken between creations, for the time filters of the List operations. */
    static final Map<String, Instant> MARKS = new ConcurrentHashMap<>();

    private static SageMakerClient sageMaker() {
        return STOWAGE.sageMaker();
    }

    private static SageMakerWaiter waiter() {
        return STOWAGE.waiter();
    }

    @Test
    @Order(1)
    void createsTwoModels() throws IOException {
        for (String model : List.of(MODEL_EU, MODEL_US)) {
            Path artifact = STOWAGE.running()
                    .bucketRoot()
                    .resolve("travel-chat-models")
                    .resolve(model)
                    .resolve("model.tar.gz");
            ModelArchives.write(artifact, Map.of("weights.bin", "weights of " + model));
        }
        MARKS.put("beforeModels", ListOperationsChecks.mark());
        for (String model : List.of(MODEL_EU, MODEL_US)) {
            String arn = sageMaker()
                    .createModel(b -> b.modelName(model).executionRoleArn(ROLE).primaryContainer(c -> c.image(LLM_SIM)
                            .modelDataUrl("s3://travel-chat-models/" + model + "/model.tar.gz")
                            .environment(Map.of("HF_MODEL_ID", "meta-llama/Llama-2-7b-chat-hf"))))
                    .modelArn();
            assertThat(arn).isEqualTo(ARN_PREFIX + "model/" + model);
            MARKS.put("after-" + model, ListOperationsChecks.mark());
        }

        DescribeModelResponse model = sageMaker().describeModel(b -> b.modelName(MODEL_EU));

        assertThat(model.modelName()).isEqualTo(MODEL_EU);
        assertThat(model.modelArn()).isEqualTo(ARN_PREFIX + "model/" + MODEL_EU);
        assertThat(model.executionRoleArn()).isEqualTo(ROLE);
        assertThat(model.primaryContainer().image()).isEqualTo(LLM_SIM);
        assertThat(model.primaryContainer().modelDataUrl()).isEqualTo("s3://travel-chat-models/llama2-eu/model.tar.gz");
        assertThat(model.primaryContainer().environment())
                .containsExactlyEntriesOf(Map.of("HF_MODEL_ID", "meta-llama/Llama-2-7b-chat-hf"));
        assertCloseToNow(model.creationTime());
    }

    @Test
    @Order(2)
    void createsAnEndpointConfigForInferenceComponentsAndAModelBasedOne() {
        String arn = sageMaker()
                .createEndpointConfig(b ->
                        b.endpointConfigName(IC_CONFIG).executionRoleArn(ROLE).productionVariants(icVariant()))
                .endpointConfigArn();
        MARKS.put("afterIcConfig", ListOperationsChecks.mark());
        sageMaker().createEndpointConfig(b -> b.endpointConfigName(CLASSIC_CONFIG)
                .productionVariants(v -> v.variantName(VARIANT)
                        .modelName(MODEL_EU)
                        .instanceType(ProductionVariantInstanceType.ML_G5_2_XLARGE)
                        .initialInstanceCount(1)));

        DescribeEndpointConfigResponse config =
                sageMaker().describeEndpointConfig(b -> b.endpointConfigName(IC_CONFIG));

        assertThat(arn).isEqualTo(ARN_PREFIX + "endpoint-config/" + IC_CONFIG);
        assertThat(config.endpointConfigName()).isEqualTo(IC_CONFIG);
        assertThat(config.endpointConfigArn()).isEqualTo(arn);
        assertThat(config.executionRoleArn()).isEqualTo(ROLE);
        assertThat(config.productionVariants()).containsExactly(icVariant());
        assertCloseToNow(config.creationTime());
        assertThat(sageMaker()
                        .describeEndpointConfig(b -> b.endpointConfigName(CLASSIC_CONFIG))
                        .productionVariants()
                        .getFirst()
                        .modelName())
                .isEqualTo(MODEL_EU);
    }

    static ProductionVariant icVariant() {
        return ProductionVariant.builder()
                .variantName(VARIANT)
                .instanceType(ProductionVariantInstanceType.ML_G5_12_XLARGE)
                .initialInstanceCount(1)
                .managedInstanceScaling(ProductionVariantManagedInstanceScaling.builder()
                        .status(ManagedInstanceScalingStatus.ENABLED)
                        .minInstanceCount(1)
                        .maxInstanceCount(2)
                        .build())
                .routingConfig(ProductionVariantRoutingConfig.builder()
                        .routingStrategy(RoutingStrategy.LEAST_OUTSTANDING_REQUESTS)
                        .build())
                .build();
    }

    @Test
    @Order(3)
    void createsTheEndpointsAndWaitsForThemInService() {
        String arn = sageMaker()
                .createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(IC_CONFIG))
                .endpointArn();
        MARKS.put("afterIcEndpoint", ListOperationsChecks.mark());
        sageMaker().createEndpoint(b -> b.endpointName(CLASSIC_ENDPOINT).endpointConfigName(CLASSIC_CONFIG));

        DescribeEndpointResponse creating = sageMaker().describeEndpoint(b -> b.endpointName(ENDPOINT));
        assertThat(creating.endpointStatus()).isEqualTo(EndpointStatus.CREATING);
        assertThat(creating.productionVariants().getFirst().currentInstanceCount())
                .isZero();
        assertThat(creating.productionVariants().getFirst().desiredInstanceCount())
                .isEqualTo(1);

        DescribeEndpointResponse endpoint = waiter().waitUntilEndpointInService(b -> b.endpointName(ENDPOINT))
                .matched()
                .response()
                .orElseThrow();

        assertThat(arn).isEqualTo(ARN_PREFIX + "endpoint/" + ENDPOINT);
        assertThat(endpoint.endpointName()).isEqualTo(ENDPOINT);
        assertThat(endpoint.endpointArn()).isEqualTo(arn);
        assertThat(endpoint.endpointConfigName()).isEqualTo(IC_CONFIG);
        assertThat(endpoint.endpointStatus()).isEqualTo(EndpointStatus.IN_SERVICE);
        assertCloseToNow(endpoint.creationTime());
        assertCloseToNow(endpoint.lastModifiedTime());
        assertThat(endpoint.lastModifiedTime()).isAfterOrEqualTo(endpoint.creationTime());
        ProductionVariantSummary variant = endpoint.productionVariants().getFirst();
        assertThat(endpoint.productionVariants()).hasSize(1);
        assertThat(variant.variantName()).isEqualTo(VARIANT);
        assertThat(variant.currentInstanceCount()).isEqualTo(1);
        assertThat(variant.desiredInstanceCount()).isEqualTo(1);
        assertThat(variant.managedInstanceScaling()).isEqualTo(icVariant().managedInstanceScaling());
        assertThat(variant.routingConfig()).isEqualTo(icVariant().routingConfig());
        assertThat(waiter().waitUntilEndpointInService(b -> b.endpointName(CLASSIC_ENDPOINT))
                        .matched()
                        .response()
                        .orElseThrow()
                        .endpointStatus())
                .isEqualTo(EndpointStatus.IN_SERVICE);
        Eventually.await(
                WAIT,
                "both endpoints listed InService",
                () -> sageMaker()
                        .listEndpoints(b -> b.statusEquals(EndpointStatus.IN_SERVICE))
                        .endpoints(),
                endpoints -> endpoints.size() == 2);
        MARKS.put("endpointsInService", ListOperationsChecks.mark());
    }

    @Test
    @Order(4)
    void deploysInferenceComponentsOnTheEndpoint() {
        String arn = sageMaker()
                .createInferenceComponent(b -> b.inferenceComponentName(IC_EU)
                        .endpointName(ENDPOINT)
                        .variantName(VARIANT)
                        .specification(containerSpecification())
                        .runtimeConfig(r -> r.copyCount(1)))
                .inferenceComponentArn();
        assertCreating(IC_EU);
        MARKS.put("afterIcEu", ListOperationsChecks.mark());
        sageMaker().createInferenceComponent(b -> b.inferenceComponentName(IC_US)
                .endpointName(ENDPOINT)
                .specification(s -> s.modelName(MODEL_US).computeResourceRequirements(requirements(2)))
                .runtimeConfig(r -> r.copyCount(2)));
        assertCreating(IC_US);
        MARKS.put("afterIcUs", ListOperationsChecks.mark());
        sageMaker().createInferenceComponent(b -> b.inferenceComponentName(IC_MISTRAL)
                .endpointName(ENDPOINT)
                .variantName(VARIANT)
                .specification(s -> s.container(c -> c.image(ECR_IMAGE)).computeResourceRequirements(requirements(1)))
                .runtimeConfig(r -> r.copyCount(1)));
        assertCreating(IC_MISTRAL);

        assertThat(arn).isEqualTo(ARN_PREFIX + "inference-component/" + IC_EU);
    }

    /** Right after CreateInferenceComponent, before its copies can have loaded. */
    private static void assertCreating(String ic) {
        DescribeInferenceComponentResponse created = describe(ic);
        assertThat(created.inferenceComponentStatus())
                .as(ic + " right after its creation")
                .isEqualTo(InferenceComponentStatus.CREATING);
        assertThat(created.runtimeConfig().currentCopyCount()).isZero();
        assertThat(created.lastModifiedTime()).isEqualTo(created.creationTime());
    }

    static InferenceComponentSpecification containerSpecification() {
        return InferenceComponentSpecification.builder()
                .container(c -> c.image(LLM_SIM)
                        .artifactUrl("s3://travel-chat-models/llama2-eu/model.tar.gz")
                        .environment(Map.of("HF_MODEL_ID", "/opt/ml/model", "MAX_INPUT_LENGTH", "4095")))
                .startupParameters(
                        p -> p.modelDataDownloadTimeoutInSeconds(3600).containerStartupHealthCheckTimeoutInSeconds(600))
                .computeResourceRequirements(requirements(1))
                .build();
    }

    @Test
    @Order(5)
    void componentsGoInServiceOnceTheirCopiesLoadAndAnUnrunnableImageFails() {
        awaitInService(IC_EU, 1);
        awaitInService(IC_US, 2);
        DescribeInferenceComponentResponse mistral = Eventually.await(
                WAIT,
                IC_MISTRAL + " Failed",
                () -> describe(IC_MISTRAL),
                ic -> ic.inferenceComponentStatus() == InferenceComponentStatus.FAILED);

        assertThat(mistral.failureReason())
                .contains(ECR_IMAGE)
                .satisfiesAnyOf(
                        reason -> assertThat(reason).contains("needs a Docker Engine"),
                        reason -> assertThat(reason).contains("Could not pull image " + ECR_IMAGE));
        assertThat(mistral.runtimeConfig().currentCopyCount()).isZero();
        assertThat(mistral.runtimeConfig().desiredCopyCount()).isEqualTo(1);
        assertThat(describe(IC_EU).failureReason()).isNull();
        DescribeEndpointResponse endpoint = sageMaker().describeEndpoint(b -> b.endpointName(ENDPOINT));
        assertThat(endpoint.endpointStatus()).isEqualTo(EndpointStatus.IN_SERVICE);
        assertThat(endpoint.productionVariants().getFirst().currentInstanceCount())
                .as("1 + 2 x 2 accelerators fit one ml.g5.12xlarge (4 GPUs) only with a second instance")
                .isEqualTo(2);
        assertThat(endpoint.productionVariants().getFirst().desiredInstanceCount())
                .isEqualTo(2);
        Eventually.await(
                WAIT,
                "the list shows the settled statuses",
                () -> sageMaker().listInferenceComponents(b -> {}).inferenceComponents().stream()
                        .map(ic -> ic.inferenceComponentName() + "=" + ic.inferenceComponentStatusAsString())
                        .toList(),
                statuses ->
                        statuses.equals(List.of(IC_MISTRAL + "=Failed", IC_US + "=InService", IC_EU + "=InService")));
        MARKS.put("componentsSettled", ListOperationsChecks.mark());
    }

    @Test
    @Order(6)
    void invokesBothVariantsAndReadsTheAnswersAsTheAnnouncementDoes() throws Exception {
        AnnouncementInvocations invocations = new AnnouncementInvocations(STOWAGE.running(), ENDPOINT);
        for (String ic : List.of(IC_EU, IC_US)) {
            assertThat(invocations.generatedText(ic).strip().split(" "))
                    .as(ic + ": result[0][\"generated_text\"]")
                    .hasSize(AnnouncementInvocations.TOKENS);
        }
        assertThat(invocations.plainText(IC_EU)).startsWith(" ").doesNotContain("generated_text");

        ModelErrorException refused = invocations.refused(IC_EU, "image/png");
        assertThat(refused.statusCode()).isEqualTo(424);
        assertThat(refused.originalStatusCode()).isEqualTo(406);
        assertThat(refused.originalMessage()).contains("stowage/llm-sim cannot answer in image/png");

        List<JsonNode> events = invocations.streamedEvents(IC_EU);
        assertThat(events).hasSize(AnnouncementInvocations.TOKENS);
        StringBuilder tokens = new StringBuilder();
        events.forEach(event -> tokens.append(event.path("token").path("text").asText()));
        assertThat(events.getLast().path("generated_text").asText()).isEqualTo(tokens.toString());
    }

    static InferenceComponentComputeResourceRequirements requirements(int accelerators) {
        return InferenceComponentComputeResourceRequirements.builder()
                .numberOfCpuCoresRequired(2.0f)
                .numberOfAcceleratorDevicesRequired((float) accelerators)
                .minMemoryRequiredInMb(1024)
                .build();
    }

    @Test
    @Order(7)
    void describesAnInferenceComponentWithItsSpecification() {
        DescribeInferenceComponentResponse ic =
                sageMaker().describeInferenceComponent(b -> b.inferenceComponentName(IC_EU));

        assertThat(ic.inferenceComponentName()).isEqualTo(IC_EU);
        assertThat(ic.inferenceComponentArn()).isEqualTo(ARN_PREFIX + "inference-component/" + IC_EU);
        assertThat(ic.endpointName()).isEqualTo(ENDPOINT);
        assertThat(ic.endpointArn()).isEqualTo(ARN_PREFIX + "endpoint/" + ENDPOINT);
        assertThat(ic.variantName()).isEqualTo(VARIANT);
        assertThat(ic.inferenceComponentStatus()).isEqualTo(InferenceComponentStatus.IN_SERVICE);
        assertThat(ic.runtimeConfig().desiredCopyCount()).isEqualTo(1);
        assertThat(ic.runtimeConfig().currentCopyCount()).isEqualTo(1);
        assertThat(ic.specification().container().deployedImage().specifiedImage())
                .isEqualTo(LLM_SIM);
        assertThat(ic.specification().container().artifactUrl())
                .isEqualTo("s3://travel-chat-models/llama2-eu/model.tar.gz");
        assertThat(ic.specification().container().environment())
                .isEqualTo(Map.of("HF_MODEL_ID", "/opt/ml/model", "MAX_INPUT_LENGTH", "4095"));
        assertThat(ic.specification().startupParameters())
                .isEqualTo(containerSpecification().startupParameters());
        assertThat(ic.specification().computeResourceRequirements()).isEqualTo(requirements(1));
        assertCloseToNow(ic.creationTime());
        assertThat(ic.lastModifiedTime()).isAfterOrEqualTo(ic.creationTime());
        assertThat(ic.lastModifiedTime()).isBefore(MARKS.get("componentsSettled"));

        DescribeInferenceComponentResponse byModel =
                sageMaker().describeInferenceComponent(b -> b.inferenceComponentName(IC_US));
        assertThat(byModel.specification().modelName()).isEqualTo(MODEL_US);
        assertThat(byModel.specification().container()).isNull();
        assertThat(byModel.variantName()).isEqualTo(VARIANT);
        assertThat(byModel.runtimeConfig().desiredCopyCount()).isEqualTo(2);
        assertThat(byModel.runtimeConfig().currentCopyCount()).isEqualTo(2);
    }

    @Test
    @Order(8)
    void listsInferenceComponentsWithEveryFilterSortAndPage() {
        new ListOperationsChecks(sageMaker(), MARKS).inferenceComponents();
    }

    @Test
    @Order(9)
    void listsModelsEndpointConfigsAndEndpointsWithEveryFilterSortAndPage() {
        ListOperationsChecks lists = new ListOperationsChecks(sageMaker(), MARKS);
        lists.models();
        lists.endpointConfigs();
        lists.endpoints();
    }

    @Test
    @Order(10)
    void scalesCopiesThroughTheRuntimeConfigDownToZero() {
        Instant beforeUpdate = ListOperationsChecks.mark();
        String arn = sageMaker()
                .updateInferenceComponentRuntimeConfig(
                        b -> b.inferenceComponentName(IC_EU).desiredRuntimeConfig(r -> r.copyCount(3)))
                .inferenceComponentArn();
        assertThat(arn).isEqualTo(ARN_PREFIX + "inference-component/" + IC_EU);
        DescribeInferenceComponentResponse scalingOut = describe(IC_EU);
        assertThat(scalingOut.inferenceComponentStatus()).isEqualTo(InferenceComponentStatus.UPDATING);
        assertThat(scalingOut.runtimeConfig().desiredCopyCount()).isEqualTo(3);
        assertThat(scalingOut.runtimeConfig().currentCopyCount()).isEqualTo(1);
        awaitInService(IC_EU, 3);

        sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(IC_EU)
                .desiredRuntimeConfig(r -> r.copyCount(0)));

        DescribeInferenceComponentResponse scalingIn = describe(IC_EU);
        assertThat(scalingIn.inferenceComponentStatus()).isEqualTo(InferenceComponentStatus.UPDATING);
        assertThat(scalingIn.runtimeConfig().desiredCopyCount()).isZero();
        DescribeInferenceComponentResponse scaled = awaitInService(IC_EU, 0);
        assertThat(scaled.lastModifiedTime()).isAfter(scaled.creationTime());
        assertThat(names(sageMaker().listInferenceComponents(b -> b.lastModifiedTimeAfter(beforeUpdate))))
                .containsExactly(IC_EU);
        assertThat(names(sageMaker().listInferenceComponents(b -> b.lastModifiedTimeBefore(beforeUpdate))))
                .containsExactlyInAnyOrder(IC_US, IC_MISTRAL);
    }

    @Test
    @Order(11)
    void updatesTheSpecificationAndRuntimeConfig() {
        InferenceComponentSpecification updated = InferenceComponentSpecification.builder()
                .container(c -> c.image(ECHO).environment(Map.of("MAX_INPUT_LENGTH", "8191")))
                .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(4.0f)
                        .numberOfAcceleratorDevicesRequired(1.0f)
                        .minMemoryRequiredInMb(2048)
                        .maxMemoryRequiredInMb(4096))
                .build();

        InferenceComponentDeploymentConfig rolling = InferenceComponentDeploymentConfig.builder()
                .rollingUpdatePolicy(p -> p.maximumBatchSize(m -> m.type(InferenceComponentCapacitySizeType.COPY_COUNT)
                                .value(1))
                        .waitIntervalInSeconds(1))
                .build();

        String arn = sageMaker()
                .updateInferenceComponent(b -> b.inferenceComponentName(IC_US)
                        .specification(updated)
                        .runtimeConfig(r -> r.copyCount(3))
                        .deploymentConfig(rolling))
                .inferenceComponentArn();

        DescribeInferenceComponentResponse updating = describe(IC_US);
        assertThat(updating.inferenceComponentStatus()).isEqualTo(InferenceComponentStatus.UPDATING);
        assertThat(updating.runtimeConfig().desiredCopyCount()).isEqualTo(3);
        DescribeInferenceComponentResponse ic = awaitInService(IC_US, 3);
        assertThat(arn).isEqualTo(ARN_PREFIX + "inference-component/" + IC_US);
        assertThat(ic.specification().modelName()).isNull();
        assertThat(ic.specification().container().deployedImage().specifiedImage())
                .isEqualTo(ECHO);
        assertThat(ic.specification().container().environment()).isEqualTo(Map.of("MAX_INPUT_LENGTH", "8191"));
        assertThat(ic.specification().computeResourceRequirements()).isEqualTo(updated.computeResourceRequirements());
        assertThat(ic.lastDeploymentConfig()).isEqualTo(rolling);
    }

    @Test
    @Order(12)
    void deletesEverythingAndThenNothingIsFound() {
        long before = STOWAGE.eventCount();
        assertValidationError(
                () -> sageMaker().deleteEndpoint(b -> b.endpointName(ENDPOINT)),
                "Cannot delete endpoint \"" + ARN_PREFIX + "endpoint/" + ENDPOINT
                        + "\" because it has 3 inference component(s). Delete the inference components first.");
        assertThat(STOWAGE.eventCount()).isEqualTo(before);

        for (String ic : List.of(IC_EU, IC_US, IC_MISTRAL)) {
            sageMaker().deleteInferenceComponent(b -> b.inferenceComponentName(ic));
            SageMakerException gone = catchThrowableOfType(
                    SageMakerException.class, () -> assertThat(describe(ic).inferenceComponentStatus())
                            .as(ic + " right after DeleteInferenceComponent")
                            .isEqualTo(InferenceComponentStatus.DELETING));
            if (gone != null) {
                assertThat(gone.awsErrorDetails().errorMessage())
                        .isEqualTo("Could not find inference component \"" + ic + "\".");
            }
        }
        for (String ic : List.of(IC_EU, IC_US, IC_MISTRAL)) {
            Eventually.await(
                    WAIT,
                    ic + " deleted",
                    () -> assertValidationError(
                            () -> describe(ic), "Could not find inference component \"" + ic + "\"."));
        }
        Eventually.await(
                WAIT,
                "no inference component listed",
                () -> sageMaker().listInferenceComponents(b -> {}).inferenceComponents(),
                List::isEmpty);

        for (String endpoint : List.of(ENDPOINT, CLASSIC_ENDPOINT)) {
            sageMaker().deleteEndpoint(b -> b.endpointName(endpoint));
            waiter().waitUntilEndpointDeleted(b -> b.endpointName(endpoint))
                    .matched()
                    .exception()
                    .orElseThrow();
            assertValidationError(
                    () -> sageMaker().describeEndpoint(b -> b.endpointName(endpoint)),
                    "Could not find endpoint \"" + ARN_PREFIX + "endpoint/" + endpoint + "\".");
        }
        for (String config : List.of(IC_CONFIG, CLASSIC_CONFIG)) {
            sageMaker().deleteEndpointConfig(b -> b.endpointConfigName(config));
            assertValidationError(
                    () -> sageMaker().describeEndpointConfig(b -> b.endpointConfigName(config)),
                    "Could not find endpoint configuration \"" + ARN_PREFIX + "endpoint-config/" + config + "\".");
        }
        for (String model : List.of(MODEL_EU, MODEL_US)) {
            sageMaker().deleteModel(b -> b.modelName(model));
            assertValidationError(
                    () -> sageMaker().describeModel(b -> b.modelName(model)),
                    "Could not find model \"" + ARN_PREFIX + "model/" + model + "\".");
        }
        // Describe reads the resource's own stream; List reads views the projector updates a moment later.
        Eventually.await(
                WAIT,
                "no endpoint listed",
                () -> sageMaker().listEndpoints(b -> {}).endpoints(),
                List::isEmpty);
        Eventually.await(
                WAIT,
                "no endpoint config listed",
                () -> sageMaker().listEndpointConfigs(b -> {}).endpointConfigs(),
                List::isEmpty);
        Eventually.await(
                WAIT, "no model listed", () -> sageMaker().listModels(b -> {}).models(), List::isEmpty);
    }

    @Test
    @Order(13)
    void reusesEveryNameAfterItsDeletion() {
        sageMaker()
                .createModel(b -> b.modelName(MODEL_EU).executionRoleArn(ROLE).primaryContainer(c -> c.image(ECHO)));
        sageMaker()
                .createEndpointConfig(b ->
                        b.endpointConfigName(IC_CONFIG).executionRoleArn(ROLE).productionVariants(icVariant()));
        sageMaker().createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(IC_CONFIG));
        waiter().waitUntilEndpointInService(b -> b.endpointName(ENDPOINT))
                .matched()
                .response()
                .orElseThrow();
        sageMaker().createInferenceComponent(b -> b.inferenceComponentName(IC_EU)
                .endpointName(ENDPOINT)
                .specification(s -> s.modelName(MODEL_EU).computeResourceRequirements(requirements(1)))
                .runtimeConfig(r -> r.copyCount(1)));

        DescribeInferenceComponentResponse ic = awaitInService(IC_EU, 1);
        assertThat(ic.specification().modelName()).isEqualTo(MODEL_EU);
        assertThat(ic.specification().container()).isNull();
        assertThat(ic.runtimeConfig().desiredCopyCount()).isEqualTo(1);
        assertThat(sageMaker()
                        .describeModel(b -> b.modelName(MODEL_EU))
                        .primaryContainer()
                        .modelDataUrl())
                .isNull();
        assertThat(names(sageMaker().listInferenceComponents(b -> {}))).containsExactly(IC_EU);
    }

    private static DescribeInferenceComponentResponse describe(String name) {
        return sageMaker().describeInferenceComponent(b -> b.inferenceComponentName(name));
    }

    private static DescribeInferenceComponentResponse awaitInService(String name, int copies) {
        return ComponentWaits.awaitInService(sageMaker(), WAIT, name, copies);
    }

    static List<String> names(ListInferenceComponentsResponse response) {
        List<String> names = new ArrayList<>();
        response.inferenceComponents().forEach(ic -> names.add(ic.inferenceComponentName()));
        return names;
    }

    static void assertValidationError(Runnable call, String message) {
        SageMakerException error = catchThrowableOfType(SageMakerException.class, call::run);
        assertThat(error).as("a ValidationException").isNotNull();
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    static void assertCloseToNow(Instant instant) {
        assertThat(instant).isCloseTo(Instant.now(), within(30, ChronoUnit.SECONDS));
    }
}
