package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentComputeResourceRequirements;
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

/**
 * The walkthrough of SageMaker's inference-component announcement (DESIGN §10: two fine-tuned Llama 2 variants
 * for a travel chat application, sharing one endpoint), with the real AWS SDK for Java v2 against local mode.
 * The steps run in order and build on each other; list filters, sorts and pagination are in {@link
 * ListOperationsChecks}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnouncementWalkthroughIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    static final String ARN_PREFIX = "arn:aws:sagemaker:us-east-1:123456789012:";
    static final String ROLE = "arn:aws:iam::123456789012:role/StowageExecutionRole";
    static final String IMAGE =
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

    /** Instants taken between creations, for the time filters of the List operations. */
    static final Map<String, Instant> MARKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static SageMakerClient sageMaker() {
        return STOWAGE.sageMaker();
    }

    @Test
    @Order(1)
    void createsTwoModels() {
        MARKS.put("beforeModels", ListOperationsChecks.mark());
        for (String model : List.of(MODEL_EU, MODEL_US)) {
            String arn = sageMaker()
                    .createModel(b -> b.modelName(model).executionRoleArn(ROLE).primaryContainer(c -> c.image(IMAGE)
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
        assertThat(model.primaryContainer().image()).isEqualTo(IMAGE);
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

        DescribeEndpointResponse endpoint = sageMaker()
                .waiter()
                .waitUntilEndpointInService(b -> b.endpointName(ENDPOINT))
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
        ProductionVariantSummary variant = endpoint.productionVariants().getFirst();
        assertThat(endpoint.productionVariants()).hasSize(1);
        assertThat(variant.variantName()).isEqualTo(VARIANT);
        assertThat(variant.currentInstanceCount()).isEqualTo(1);
        assertThat(variant.managedInstanceScaling()).isEqualTo(icVariant().managedInstanceScaling());
        assertThat(variant.routingConfig()).isEqualTo(icVariant().routingConfig());
        assertThat(sageMaker()
                        .waiter()
                        .waitUntilEndpointInService(b -> b.endpointName(CLASSIC_ENDPOINT))
                        .matched()
                        .response()
                        .orElseThrow()
                        .endpointStatus())
                .isEqualTo(EndpointStatus.IN_SERVICE);
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
        MARKS.put("afterIcEu", ListOperationsChecks.mark());
        sageMaker().createInferenceComponent(b -> b.inferenceComponentName(IC_US)
                .endpointName(ENDPOINT)
                .specification(s -> s.modelName(MODEL_US).computeResourceRequirements(requirements(4)))
                .runtimeConfig(r -> r.copyCount(2)));
        MARKS.put("afterIcUs", ListOperationsChecks.mark());
        sageMaker().createInferenceComponent(b -> b.inferenceComponentName(IC_MISTRAL)
                .endpointName(ENDPOINT)
                .variantName(VARIANT)
                .specification(s -> s.container(c -> c.image(IMAGE)).computeResourceRequirements(requirements(1)))
                .runtimeConfig(r -> r.copyCount(1)));

        assertThat(arn).isEqualTo(ARN_PREFIX + "inference-component/" + IC_EU);
    }

    static InferenceComponentSpecification containerSpecification() {
        return InferenceComponentSpecification.builder()
                .container(c -> c.image(IMAGE)
                        .artifactUrl("s3://travel-chat-models/llama2-eu/model.tar.gz")
                        .environment(Map.of("HF_MODEL_ID", "/opt/ml/model", "MAX_INPUT_LENGTH", "4095")))
                .startupParameters(
                        p -> p.modelDataDownloadTimeoutInSeconds(3600).containerStartupHealthCheckTimeoutInSeconds(600))
                .computeResourceRequirements(requirements(1))
                .build();
    }

    static InferenceComponentComputeResourceRequirements requirements(int accelerators) {
        return InferenceComponentComputeResourceRequirements.builder()
                .numberOfCpuCoresRequired(2.0f)
                .numberOfAcceleratorDevicesRequired((float) accelerators)
                .minMemoryRequiredInMb(1024)
                .build();
    }

    @Test
    @Order(5)
    void describesAnInferenceComponentAsCreatingWithItsSpecification() {
        DescribeInferenceComponentResponse ic =
                sageMaker().describeInferenceComponent(b -> b.inferenceComponentName(IC_EU));

        assertThat(ic.inferenceComponentName()).isEqualTo(IC_EU);
        assertThat(ic.inferenceComponentArn()).isEqualTo(ARN_PREFIX + "inference-component/" + IC_EU);
        assertThat(ic.endpointName()).isEqualTo(ENDPOINT);
        assertThat(ic.endpointArn()).isEqualTo(ARN_PREFIX + "endpoint/" + ENDPOINT);
        assertThat(ic.variantName()).isEqualTo(VARIANT);
        assertThat(ic.inferenceComponentStatus()).isEqualTo(InferenceComponentStatus.CREATING);
        assertThat(ic.runtimeConfig().desiredCopyCount()).isEqualTo(1);
        assertThat(ic.runtimeConfig().currentCopyCount()).isZero();
        assertThat(ic.specification().container().deployedImage().specifiedImage())
                .isEqualTo(IMAGE);
        assertThat(ic.specification().container().artifactUrl())
                .isEqualTo("s3://travel-chat-models/llama2-eu/model.tar.gz");
        assertThat(ic.specification().container().environment())
                .isEqualTo(Map.of("HF_MODEL_ID", "/opt/ml/model", "MAX_INPUT_LENGTH", "4095"));
        assertThat(ic.specification().startupParameters())
                .isEqualTo(containerSpecification().startupParameters());
        assertThat(ic.specification().computeResourceRequirements()).isEqualTo(requirements(1));
        assertCloseToNow(ic.creationTime());
        assertThat(ic.lastModifiedTime()).isEqualTo(ic.creationTime());

        DescribeInferenceComponentResponse byModel =
                sageMaker().describeInferenceComponent(b -> b.inferenceComponentName(IC_US));
        assertThat(byModel.specification().modelName()).isEqualTo(MODEL_US);
        assertThat(byModel.specification().container()).isNull();
        assertThat(byModel.variantName()).isEqualTo(VARIANT);
        assertThat(byModel.runtimeConfig().desiredCopyCount()).isEqualTo(2);
    }

    @Test
    @Order(6)
    void listsInferenceComponentsWithEveryFilterSortAndPage() {
        new ListOperationsChecks(sageMaker(), MARKS).inferenceComponents();
    }

    @Test
    @Order(7)
    void listsModelsEndpointConfigsAndEndpointsWithEveryFilterSortAndPage() {
        ListOperationsChecks lists = new ListOperationsChecks(sageMaker(), MARKS);
        lists.models();
        lists.endpointConfigs();
        lists.endpoints();
    }

    @Test
    @Order(8)
    void scalesCopiesThroughTheRuntimeConfigDownToZero() {
        Instant beforeUpdate = ListOperationsChecks.mark();
        String arn = sageMaker()
                .updateInferenceComponentRuntimeConfig(
                        b -> b.inferenceComponentName(IC_EU).desiredRuntimeConfig(r -> r.copyCount(3)))
                .inferenceComponentArn();
        assertThat(arn).isEqualTo(ARN_PREFIX + "inference-component/" + IC_EU);
        assertThat(describe(IC_EU).runtimeConfig().desiredCopyCount()).isEqualTo(3);

        sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(IC_EU)
                .desiredRuntimeConfig(r -> r.copyCount(0)));

        DescribeInferenceComponentResponse scaled = describe(IC_EU);
        assertThat(scaled.runtimeConfig().desiredCopyCount()).isZero();
        assertThat(scaled.runtimeConfig().currentCopyCount()).isZero();
        assertThat(scaled.lastModifiedTime()).isAfter(scaled.creationTime());
        assertThat(names(sageMaker().listInferenceComponents(b -> b.lastModifiedTimeAfter(beforeUpdate))))
                .containsExactly(IC_EU);
        assertThat(names(sageMaker().listInferenceComponents(b -> b.lastModifiedTimeBefore(beforeUpdate))))
                .containsExactlyInAnyOrder(IC_US, IC_MISTRAL);
    }

    @Test
    @Order(9)
    void updatesTheSpecificationAndRuntimeConfig() {
        InferenceComponentSpecification updated = InferenceComponentSpecification.builder()
                .container(c -> c.image(IMAGE + "-v2").environment(Map.of("MAX_INPUT_LENGTH", "8191")))
                .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(4.0f)
                        .numberOfAcceleratorDevicesRequired(2.0f)
                        .minMemoryRequiredInMb(2048)
                        .maxMemoryRequiredInMb(4096))
                .build();

        String arn = sageMaker()
                .updateInferenceComponent(b ->
                        b.inferenceComponentName(IC_US).specification(updated).runtimeConfig(r -> r.copyCount(4)))
                .inferenceComponentArn();

        DescribeInferenceComponentResponse ic = describe(IC_US);
        assertThat(arn).isEqualTo(ARN_PREFIX + "inference-component/" + IC_US);
        assertThat(ic.specification().modelName()).isNull();
        assertThat(ic.specification().container().deployedImage().specifiedImage())
                .isEqualTo(IMAGE + "-v2");
        assertThat(ic.specification().container().environment()).isEqualTo(Map.of("MAX_INPUT_LENGTH", "8191"));
        assertThat(ic.specification().computeResourceRequirements()).isEqualTo(updated.computeResourceRequirements());
        assertThat(ic.runtimeConfig().desiredCopyCount()).isEqualTo(4);
        assertThat(ic.runtimeConfig().currentCopyCount()).isZero();
        // No copy is placed yet (the placement issue), so it is still creating rather than updating.
        assertThat(ic.inferenceComponentStatus()).isEqualTo(InferenceComponentStatus.CREATING);
    }

    @Test
    @Order(10)
    void deletesEverythingAndThenNothingIsFound() {
        long before = STOWAGE.eventCount();
        assertValidationError(
                () -> sageMaker().deleteEndpoint(b -> b.endpointName(ENDPOINT)),
                "Cannot delete endpoint \"" + ARN_PREFIX + "endpoint/" + ENDPOINT
                        + "\" because it has 3 inference component(s). Delete the inference components first.");
        assertThat(STOWAGE.eventCount()).isEqualTo(before);

        for (String ic : List.of(IC_EU, IC_US, IC_MISTRAL)) {
            sageMaker().deleteInferenceComponent(b -> b.inferenceComponentName(ic));
            assertValidationError(() -> describe(ic), "Could not find inference component \"" + ic + "\".");
        }
        assertThat(sageMaker().listInferenceComponents(b -> {}).inferenceComponents())
                .isEmpty();

        for (String endpoint : List.of(ENDPOINT, CLASSIC_ENDPOINT)) {
            sageMaker().deleteEndpoint(b -> b.endpointName(endpoint));
            sageMaker().waiter().waitUntilEndpointDeleted(b -> b.endpointName(endpoint));
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
        assertThat(sageMaker().listEndpoints(b -> {}).endpoints()).isEmpty();
        assertThat(sageMaker().listEndpointConfigs(b -> {}).endpointConfigs()).isEmpty();
        assertThat(sageMaker().listModels(b -> {}).models()).isEmpty();
    }

    @Test
    @Order(11)
    void reusesEveryNameAfterItsDeletion() {
        sageMaker()
                .createModel(b -> b.modelName(MODEL_EU).executionRoleArn(ROLE).primaryContainer(c -> c.image(IMAGE)));
        sageMaker()
                .createEndpointConfig(b ->
                        b.endpointConfigName(IC_CONFIG).executionRoleArn(ROLE).productionVariants(icVariant()));
        sageMaker().createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(IC_CONFIG));
        sageMaker().waiter().waitUntilEndpointInService(b -> b.endpointName(ENDPOINT));
        sageMaker().createInferenceComponent(b -> b.inferenceComponentName(IC_EU)
                .endpointName(ENDPOINT)
                .specification(s -> s.modelName(MODEL_EU).computeResourceRequirements(requirements(1)))
                .runtimeConfig(r -> r.copyCount(1)));

        DescribeInferenceComponentResponse ic = describe(IC_EU);
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
