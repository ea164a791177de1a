package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointConfigResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelSummary;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** With {@code --data-dir}, what was created survives a stop and a start on the same directory. */
class LocalModeRestartIT {
    private static final String ROLE = "arn:aws:iam::123456789012:role/StowageExecutionRole";
    private static final String MODEL = "kept-model";
    private static final String CONFIG = "kept-config";

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
