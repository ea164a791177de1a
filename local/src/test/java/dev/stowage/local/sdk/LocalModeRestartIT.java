package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.local.wiring.LocalFleetOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointConfigResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelSummary;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

/** With {@code --data-dir}, what was created survives a stop and a start on the same directory. */
class LocalModeRestartIT {
    private static final String ROLE = "arn:aws:iam::123456789012:role/StowageExecutionRole";
    private static final String MODEL = "kept-model";
    private static final String CONFIG = "kept-config";
    private static final String ENDPOINT = "kept-endpoint";
    private static final String COMPONENT = "kept-component";

    @Test
    void theHostsOfThePreviousRunAreLostAtOnceAndTheirCopiesServeAgainFromNewOnes(@TempDir Path dataDir) {
        // A silent host would be lost only after a minute: serving within seconds shows it was declared lost at once.
        LocalFleetOptions slowToNotice = RunningStowage.FAST.withSettings(
                new FleetSettings(Duration.ofSeconds(1), 2, 3, Duration.ofSeconds(60), Duration.ofSeconds(20)));
        try (RunningStowage first = RunningStowage.start(dataDir, slowToNotice)) {
            SageMakerClient sageMaker = first.sageMaker();
            sageMaker.createEndpointConfig(b ->
                    b.endpointConfigName(CONFIG).executionRoleArn(ROLE).productionVariants(BadRequestsIT.icVariant()));
            sageMaker.createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(CONFIG));
            sageMaker.createInferenceComponent(b -> b.inferenceComponentName(COMPONENT)
                    .endpointName(ENDPOINT)
                    .specification(p -> p.container(c -> c.image("stowage/echo"))
                            .computeResourceRequirements(BadRequestsIT.requirements()))
                    .runtimeConfig(r -> r.copyCount(1)));
            ComponentWaits.awaitInService(sageMaker, Duration.ofSeconds(30), COMPONENT, 1);
        }

        try (RunningStowage second = RunningStowage.start(dataDir, slowToNotice);
                SageMakerRuntimeClient runtime = second.runtime(false)) {
            String answer = Eventually.await(
                    Duration.ofSeconds(15),
                    COMPONENT + " serving from a host of this run",
                    () -> invokeOrNull(runtime),
                    body -> body != null);
            assertThat(answer).isEqualTo("after restart");
        }
    }

    private static @Nullable String invokeOrNull(SageMakerRuntimeClient runtime) {
        try {
            return runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                            .inferenceComponentName(COMPONENT)
                            .body(SdkBytes.fromUtf8String("after restart")))
                    .body()
                    .asUtf8String();
        } catch (SageMakerRuntimeException notYet) {
            return null;
        }
    }

    @Test
    void modelsAndConfigsSurviveARestartOnTheSameDataDir(@TempDir Path dataDir) {
        try (RunningStowage first = RunningStowage.start(dataDir)) {
            first.sageMaker()
                    .createModel(
                            b -> b.modelName(MODEL).executionRoleArn(ROLE).primaryContainer(c -> c.image("image")));
            first.sageMaker().createEndpointConfig(b -> b.endpointConfigName(CONFIG)
                    .executionRoleArn(ROLE)
                    .productionVariants(BadRequestsIT.icVariant()));
        }

        try (RunningStowage second = RunningStowage.start(dataDir)) {
            SageMakerClient sageMaker = second.sageMaker();
            assertThat(sageMaker
                            .describeModel(b -> b.modelName(MODEL))
                            .primaryContainer()
                            .image())
                    .isEqualTo("image");
            DescribeEndpointConfigResponse config = sageMaker.describeEndpointConfig(b -> b.endpointConfigName(CONFIG));
            assertThat(config.executionRoleArn()).isEqualTo(ROLE);
            assertThat(config.productionVariants()).containsExactly(BadRequestsIT.icVariant());
            assertThat(sageMaker.listModels(b -> {}).models())
                    .extracting(ModelSummary::modelName)
                    .containsExactly(MODEL);
            assertThat(sageMaker.listEndpointConfigs(b -> {}).endpointConfigs())
                    .extracting(c -> c.endpointConfigName())
                    .containsExactly(CONFIG);

            long before = second.eventCount();
            SageMakerException duplicate = catchThrowableOfType(
                    SageMakerException.class, () -> sageMaker.createModel(b -> b.modelName(MODEL)));
            assertThat(duplicate).isNotNull();
            assertThat(duplicate.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(duplicate.awsErrorDetails().errorMessage())
                    .isEqualTo("Cannot create already existing model"
                            + " \"arn:aws:sagemaker:us-east-1:123456789012:model/" + MODEL + "\".");
            assertThat(second.eventCount()).isEqualTo(before);
        }
    }
}
