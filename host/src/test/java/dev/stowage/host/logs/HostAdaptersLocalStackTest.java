package dev.stowage.host.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.host.copies.ArtifactFetcher;
import dev.stowage.host.copies.S3ArtifactStore;
import dev.stowage.host.metrics.CloudWatchMetricsPublisher;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.testing.aws.LocalStackClients;
import dev.stowage.testing.aws.LocalStackImage;
import dev.stowage.testing.aws.WithLocalStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The host's AWS adapters against LocalStack: an artifact prefix fetched from S3, a copy log shipped to CloudWatch
 * Logs, metrics published to CloudWatch. Skipped where LocalStack's image is not in a local Docker Engine.
 */
@WithLocalStack
@Testcontainers(disabledWithoutDocker = true)
class HostAdaptersLocalStackTest {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(LocalStackImage.name());

    @TempDir
    Path dir;

    private static <B extends AwsClientBuilder<B, ?>> B local(B builder) {
        return LocalStackClients.configure(LOCALSTACK, builder);
    }

    @Test
    void an_artifact_prefix_comes_from_s3() throws Exception {
        try (S3Client s3 = local(S3Client.builder()).forcePathStyle(true).build()) {
            s3.createBucket(b -> b.bucket("models"));
            s3.putObject(b -> b.bucket("models").key("llama/config.json"), RequestBody.fromString("{}"));

            Path fetched = new ArtifactFetcher(new S3ArtifactStore(s3), dir).fetch("copy-1", "s3://models/llama/");

            assertThat(fetched.resolve("config.json")).hasContent("{}");
        }
    }

    @Test
    void a_copy_log_reaches_cloudwatch_logs() {
        try (CloudWatchLogsClient logs = local(CloudWatchLogsClient.builder()).build();
                CloudWatchCopyLogs sink =
                        new CloudWatchCopyLogs(logs, "/stowage/ic/", "i-1", Duration.ofHours(1), Clock.systemUTC())) {
            CopyLog log = CopyLog.open(dir.resolve("copy-1.log"), Clock.systemUTC());
            sink.follow("ic", "copy-1", log.file());
            log.line("hello");

            sink.flush();

            assertThat(logs.getLogEvents(b -> b.logGroupName("/stowage/ic/ic").logStreamName("i-1/copy-1"))
                            .events())
                    .extracting(e -> e.message())
                    .singleElement()
                    .asString()
                    .endsWith(" hello");
        }
    }

    @Test
    void metrics_reach_cloudwatch_in_the_stowage_namespace() {
        try (CloudWatchClient cloudWatch = local(CloudWatchClient.builder()).build();
                CloudWatchMetricsPublisher publisher =
                        new CloudWatchMetricsPublisher(cloudWatch, Duration.ofHours(1))) {
            publisher.publish(
                    "AWS/SageMaker", "Invocations", Map.of("InferenceComponentName", "ic"), 1, "Count", Instant.now());

            publisher.flush();

            assertThat(cloudWatch
                            .listMetrics(b -> b.namespace("Stowage/SageMaker"))
                            .metrics())
                    .extracting(m -> m.metricName())
                    .containsExactly("Invocations");
        }
    }
}
