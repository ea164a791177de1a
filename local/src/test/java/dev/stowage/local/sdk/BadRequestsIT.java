package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentComputeResourceRequirements;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Bad requests through the real SDK: each gets the service's error code and message, and writes no event.
 * {@link BadRequests} holds the table; the resources the cases need exist once per class, and the fleet has
 * settled (endpoints and component InService, no more fleet events) before the first case counts events.
 */
class BadRequestsIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    static final String ARN_PREFIX = "arn:aws:sagemaker:us-east-1:123456789012:";
    static final String ROLE = "arn:aws:iam::123456789012:role/StowageExecutionRole";
    static final String MODEL = "m";
    static final String IC_CONFIG = "ic-config";
    static final String CLASSIC_CONFIG = "classic-config";
    static final String IC_ENDPOINT = "ic-endpoint";
    static final String CLASSIC_ENDPOINT = "classic-endpoint";
    static final String IC = "ic";
    static final String VARIANT = "AllTraffic";
    static final String MISSING = "missing";

    @BeforeAll
    static void createTheResourcesTheCasesNeed() {
        SageMakerClient sageMaker = STOWAGE.sageMaker();
        sageMaker.createModel(
                b -> b.modelName(MODEL).executionRoleArn(ROLE).primaryContainer(c -> c.image("stowage/echo")));
        sageMaker.createEndpointConfig(
                b -> b.endpointConfigName(IC_CONFIG).executionRoleArn(ROLE).productionVariants(icVariant()));
        sageMaker.createEndpointConfig(
                b -> b.endpointConfigName(CLASSIC_CONFIG).productionVariants(v -> v.variantName(VARIANT)
                        .modelName(MODEL)
                        .instanceType("ml.g5.2xlarge")
                        .initialInstanceCount(1)));
        sageMaker.createEndpoint(b -> b.endpointName(IC_ENDPOINT).endpointConfigName(IC_CONFIG));
        sageMaker.createEndpoint(b -> b.endpointName(CLASSIC_ENDPOINT).endpointConfigName(CLASSIC_CONFIG));
        sageMaker.createInferenceComponent(b -> b.inferenceComponentName(IC)
                .endpointName(IC_ENDPOINT)
                .specification(s -> s.modelName(MODEL).computeResourceRequirements(requirements()))
                .runtimeConfig(r -> r.copyCount(1)));
        Duration wait = Duration.ofSeconds(30);
        for (String endpoint : List.of(IC_ENDPOINT, CLASSIC_ENDPOINT)) {
            STOWAGE.waiter()
                    .waitUntilEndpointInService(b -> b.endpointName(endpoint))
                    .matched()
                    .response()
                    .orElseThrow();
        }
        Eventually.await(
                wait,
                IC + " InService",
                () -> sageMaker
                                .describeInferenceComponent(b -> b.inferenceComponentName(IC))
                                .inferenceComponentStatus()
                        == InferenceComponentStatus.IN_SERVICE);
        Eventually.awaitSteady(wait, "events written by the fleet", STOWAGE::eventCount, Duration.ofSeconds(1));
    }

    static ProductionVariant icVariant() {
        return ProductionVariant.builder()
                .variantName(VARIANT)
                .instanceType("ml.g5.12xlarge")
                .initialInstanceCount(1)
                .build();
    }

    static InferenceComponentComputeResourceRequirements requirements() {
        return InferenceComponentComputeResourceRequirements.builder()
                .numberOfCpuCoresRequired(2.0f)
                .numberOfAcceleratorDevicesRequired(1.0f)
                .minMemoryRequiredInMb(1024)
                .build();
    }

    static Stream<BadRequest> cases() {
        List<BadRequest> cases = BadRequests.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithTheServicesErrorAndWritesNoEvent(BadRequest bad) {
        long before = STOWAGE.eventCount();

        SageMakerException error =
                catchThrowableOfType(SageMakerException.class, () -> bad.call().accept(STOWAGE.sageMaker()));

        assertThat(error).as("refused").isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(bad.code());
        assertThat(error.statusCode()).isEqualTo(400);
        if (bad.prefixOnly()) {
            assertThat(error.awsErrorDetails().errorMessage()).startsWith(bad.message());
        } else {
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(bad.message());
        }
        assertThat(STOWAGE.eventCount()).as("events written").isEqualTo(before);
    }

    /**
     * One bad request.
     *
     * @param name what is wrong with it, shown as the test's name
     * @param call the request
     * @param code the expected error code
     * @param message the expected message, or its beginning when {@code prefixOnly}
     * @param prefixOnly whether the message is only a prefix (for messages listing a long enum or pattern)
     */
    record BadRequest(String name, Consumer<SageMakerClient> call, String code, String message, boolean prefixOnly) {
        @Override
        public String toString() {
            return name;
        }
    }
}
