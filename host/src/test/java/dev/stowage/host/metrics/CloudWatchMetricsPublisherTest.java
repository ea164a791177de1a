package dev.stowage.host.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.stowage.testing.aws.CannedResponse;
import dev.stowage.testing.aws.CapturedRequest;
import dev.stowage.testing.aws.CapturingAwsServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** The host's CloudWatch publisher, checked on the RPC v2 CBOR PutMetricData requests the real SDK sends. */
class CloudWatchMetricsPublisherTest {
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:07.250Z");
    private static final Map<String, String> IC = Map.of("InferenceComponentName", "ic");

    private final CapturingAwsServer server = CapturingAwsServer.start();
    private final CloudWatchClient client = server.configure(CloudWatchClient.builder())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    private final CloudWatchMetricsPublisher publisher = new CloudWatchMetricsPublisher(client, Duration.ofHours(1));

    @AfterEach
    void close() {
        publisher.close();
        client.close();
        server.close();
    }

    private void answerOk() {
        server.respond(request -> CannedResponse.cbor(200, new byte[] {(byte) 0xA0}));
    }

    private List<JsonNode> bodies() throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (CapturedRequest request : server.requests()) {
            assertThat(request.path()).isEqualTo("/service/GraniteServiceVersion20100801/operation/PutMetricData");
            bodies.add(CBOR.readTree(request.body()));
        }
        return bodies;
    }

    @Test
    void points_of_one_metric_and_minute_are_sent_as_one_statistic_set_in_the_stowage_namespace() throws Exception {
        answerOk();
        publisher.publish("AWS/SageMaker", "ModelLatency", IC, 100, "Microseconds", T0);
        publisher.publish("AWS/SageMaker", "ModelLatency", IC, 300, "Microseconds", T0.plusSeconds(20));
        publisher.publish("AWS/SageMaker", "ModelLatency", IC, 50, "Microseconds", T0.plusSeconds(60));

        publisher.flush();

        JsonNode body = bodies().getFirst();
        assertThat(body.path("Namespace").asText()).isEqualTo("Stowage/SageMaker");
        JsonNode first = body.path("MetricData").path(0);
        assertThat(first.path("MetricName").asText()).isEqualTo("ModelLatency");
        assertThat(first.path("Unit").asText()).isEqualTo("Microseconds");
        assertThat(first.path("StorageResolution").asInt()).isEqualTo(60);
        assertThat(first.path("Timestamp").asDouble())
                .isEqualTo(Instant.parse("2026-11-25T10:00:00Z").getEpochSecond());
        assertThat(first.path("Dimensions").path(0).path("Name").asText()).isEqualTo("InferenceComponentName");
        JsonNode stats = first.path("StatisticValues");
        assertThat(stats.path("SampleCount").asDouble()).isEqualTo(2);
        assertThat(stats.path("Sum").asDouble()).isEqualTo(400);
        assertThat(stats.path("Minimum").asDouble()).isEqualTo(100);
        assertThat(stats.path("Maximum").asDouble()).isEqualTo(300);
        assertThat(body.path("MetricData")).hasSize(2);
        assertThat(body.path("MetricData")
                        .path(1)
                        .path("StatisticValues")
                        .path("Sum")
                        .asDouble())
                .isEqualTo(50);
    }

    @Test
    void concurrent_requests_per_copy_is_high_resolution_per_second() throws Exception {
        answerOk();
        publisher.publish("AWS/SageMaker", "ConcurrentRequestsPerCopy", IC, 2, "Count", T0);
        publisher.publish("AWS/SageMaker", "ConcurrentRequestsPerCopy", IC, 4, "Count", T0.plusSeconds(1));

        publisher.flush();

        JsonNode data = bodies().getFirst().path("MetricData");
        assertThat(data).hasSize(2);
        assertThat(data.path(0).path("StorageResolution").asInt()).isEqualTo(1);
        assertThat(data.path(0).path("Timestamp").asDouble()).isEqualTo(T0.getEpochSecond());
        assertThat(data.path(1).path("Timestamp").asDouble()).isEqualTo(T0.getEpochSecond() + 1);
    }

    @Test
    void a_thousand_data_per_call_and_one_call_per_namespace() throws Exception {
        answerOk();
        for (int i = 0; i < 1500; i++) {
            publisher.publish(
                    "AWS/SageMaker", "Invocations", Map.of("InferenceComponentName", "ic-" + i), 1, "Count", T0);
        }
        publisher.publish("/aws/sagemaker/Endpoints", "CPUUtilization", Map.of(), 12.5, "Percent", T0);

        publisher.flush();

        List<JsonNode> bodies = bodies();
        assertThat(bodies)
                .extracting(b -> b.path("Namespace").asText())
                .containsExactly("Stowage/SageMaker", "Stowage/SageMaker", "Stowage/SageMaker/Endpoints");
        assertThat(bodies).extracting(b -> b.path("MetricData").size()).containsExactly(1000, 500, 1);
        assertThat(server.requests().getFirst().header("content-encoding")).contains("gzip");
    }

    @Test
    void a_refused_call_neither_throws_nor_stops_later_flushes() throws Exception {
        AtomicBoolean refuse = new AtomicBoolean(true);
        server.respond(request -> refuse.get()
                ? CannedResponse.cbor(500, new byte[] {(byte) 0xA0})
                : CannedResponse.cbor(200, new byte[] {(byte) 0xA0}));
        publisher.publish("AWS/SageMaker", "Invocations", IC, 1, "Count", T0);
        publisher.flush();

        refuse.set(false);
        publisher.publish("AWS/SageMaker", "Invocations", IC, 1, "Count", T0.plusSeconds(120));
        publisher.publish("AWS/SageMaker", "Invocations", IC, Double.NaN, "Count", T0);
        publisher.flush();

        assertThat(server.requests()).hasSize(2);
        assertThat(bodies().get(1).path("MetricData")).hasSize(1);
    }

    @Test
    void the_flushing_thread_sends_on_its_own_and_close_sends_the_rest() throws Exception {
        answerOk();
        try (CloudWatchMetricsPublisher quick = new CloudWatchMetricsPublisher(client, Duration.ofMillis(50))) {
            quick.publish("AWS/SageMaker", "Invocations", IC, 1, "Count", T0);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.requests().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.requests()).hasSize(1);
            quick.publish("AWS/SageMaker", "Invocations", IC, 1, "Count", T0.plusSeconds(60));
        }
        assertThat(server.requests()).hasSize(2);
    }
}
