package dev.stowage.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private record Recorded(String operation, int status) {}

    @Test
    void every_request_is_recorded_under_its_operation_and_status() {
        List<Recorded> recorded = new ArrayList<>();
        InMemoryApi api = new InMemoryApi((operation, status, took) -> recorded.add(new Recorded(operation, status)));

        api.call("/", "SageMaker.CreateModel", "{'ModelName':'m','PrimaryContainer':{'Image':'stowage/echo'}}");
        api.call("/", "SageMaker.DescribeModel", "{'ModelName':'missing'}");
        api.handle(new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/")
                .withBody("{}"));

        assertThat(recorded)
                .containsExactly(
                        new Recorded("SageMaker.CreateModel", 200),
                        new Recorded("SageMaker.DescribeModel", 400),
                        new Recorded(OperationMetrics.UNPARSED, 400));
    }

    @Test
    void an_emf_line_per_request_names_the_operation_and_counts_its_outcome() throws Exception {
        var out = new ByteArrayOutputStream();
        OperationMetrics.emf(new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC))
                .record("SageMaker.CreateEndpoint", 503, Duration.ofMillis(12));

        JsonNode line = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Stowage/Functions");
        assertThat(directive.path("Dimensions").path(0))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("Function", "Operation");
        assertThat(Map.of(
                        "Operation", line.path("Operation").asText(),
                        "Requests", line.path("Requests").asDouble(),
                        "ClientErrors", line.path("ClientErrors").asDouble(),
                        "Faults", line.path("Faults").asDouble(),
                        "Latency", line.path("Latency").asDouble()))
                .isEqualTo(Map.of(
                        "Operation", "SageMaker.CreateEndpoint",
                        "Requests", 1.0,
                        "ClientErrors", 0.0,
                        "Faults", 1.0,
                        "Latency", 12.0));
    }
}
