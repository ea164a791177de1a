package dev.stowage.functions.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Embedded Metric Format lines, against the shape the EMF specification gives. */
class EmfMetricsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123Z");
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final EmfMetrics metrics = new EmfMetrics(
            "Stowage/Functions",
            Map.of("Function", "placement"),
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            Clock.fixed(T0, ZoneOffset.UTC));

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void one_flush_prints_one_line_in_the_specified_shape() {
        metrics.add("PlacementDecisions", "Count", 3);
        metrics.add("EventsAppended", "Count", 2);
        metrics.add("EventsAppended", "Count", 5);

        metrics.flush();

        assertThat(lines())
                .containsExactly("{\"_aws\":{\"Timestamp\":1795600800123,\"CloudWatchMetrics\":[{\"Namespace\":"
                        + "\"Stowage/Functions\",\"Dimensions\":[[\"Function\"]],\"Metrics\":[{\"Name\":"
                        + "\"PlacementDecisions\",\"Unit\":\"Count\"},{\"Name\":\"EventsAppended\",\"Unit\":\"Count\"}]}]},"
                        + "\"Function\":\"placement\",\"PlacementDecisions\":3.0,\"EventsAppended\":[2.0,5.0]}");
    }

    @Test
    void nothing_added_prints_nothing_and_a_flush_forgets_what_it_printed() {
        metrics.flush();
        metrics.add("ScalingActivities", "Count", 1);
        metrics.flush();
        metrics.flush();

        assertThat(lines()).hasSize(1);
    }

    @Test
    void more_than_a_hundred_values_or_metrics_spread_over_lines() throws Exception {
        for (int i = 0; i < 150; i++) {
            metrics.add("EventsAppended", "Count", i);
            metrics.add("M" + i, "Count", 1);
        }

        metrics.flush();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = lines().stream().map(l -> readTree(json, l)).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("_aws").path("CloudWatchMetrics").path(0).path("Metrics"))
                .hasSize(100);
        assertThat(lines.get(0).path("EventsAppended")).hasSize(100);
        assertThat(lines.get(1).path("_aws").path("CloudWatchMetrics").path(0).path("Metrics"))
                .hasSize(51);
        assertThat(lines.get(2).path("EventsAppended")).hasSize(50);
        assertThat(lines.get(2).path("EventsAppended").path(0).asDouble()).isEqualTo(100);
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.path("Function").asText()).isEqualTo("placement"));
    }

    @Test
    void aws_namespaces_are_mapped() {
        EmfMetrics sageMaker = new EmfMetrics(
                "AWS/SageMaker", Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8), Clock.systemUTC());
        sageMaker.add("X", "Count", 1);
        sageMaker.flush();

        assertThat(lines().getFirst())
                .contains("\"Namespace\":\"Stowage/SageMaker\"")
                .contains("\"Dimensions\":[[]]");
    }

    private static JsonNode readTree(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
