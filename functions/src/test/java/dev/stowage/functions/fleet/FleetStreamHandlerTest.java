package dev.stowage.functions.fleet;

import static dev.stowage.functions.dynamodb.StreamRecords.context;
import static dev.stowage.functions.dynamodb.StreamRecords.event;
import static dev.stowage.functions.dynamodb.StreamRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.functions.metrics.BatchFigures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetStreamHandlerTest {
    private static final FleetKey EU = new FleetKey("travel", "eu");
    private static final FleetKey BROKEN = new FleetKey("broken", "AllTraffic");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<FleetKey> reconciled = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();
    private final FleetStreamHandler handler = new FleetStreamHandler(
            stream -> stream.startsWith("fleet/")
                    ? List.of(FleetKey.ofStream(stream))
                    : List.of(EU), // any component here is on the eu fleet
            fleet -> {
                if (fleet.equals(BROKEN)) {
                    throw new IllegalStateException("DynamoDB is down");
                }
                reconciled.add(fleet);
            },
            BatchFigures.emf(
                    "placement",
                    "Fleets",
                    new PrintStream(printed, true, StandardCharsets.UTF_8),
                    Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC)));

    @Test
    void each_fleet_is_reconciled_once_per_batch_and_the_batch_is_one_line_of_figures() throws Exception {
        StreamsEventResponse response = handler.handleRequest(
                event(
                        record("inference-component/a", 1, "100"),
                        record("inference-component/b", 1, "101"),
                        record(EU.stream(), 7, "102")),
                context(logged));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(reconciled).containsExactly(EU);
        JsonNode figures = new ObjectMapper().readTree(printed.toString(StandardCharsets.UTF_8));
        assertThat(figures.path("Function").asText()).isEqualTo("placement");
        assertThat(figures.path("Records").asDouble()).isEqualTo(3.0);
        assertThat(figures.path("Fleets").asDouble()).isEqualTo(1.0);
        assertThat(figures.path("FailedBatches").asDouble()).isZero();
        assertThat(figures.path("BatchDuration").asDouble()).isNotNegative();
        assertThat(figures.path("_aws")
                        .path("CloudWatchMetrics")
                        .path(0)
                        .path("Namespace")
                        .asText())
                .isEqualTo("Stowage/Functions");
    }

    @Test
    void a_failing_fleet_reports_its_record_logs_why_and_counts_a_failed_batch() throws Exception {
        StreamsEventResponse response = handler.handleRequest(
                event(record(EU.stream(), 1, "200"), record(BROKEN.stream(), 1, "201"), record(EU.stream(), 2, "202")),
                context(logged));

        assertThat(response.getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("201");
        assertThat(logged)
                .singleElement()
                .asString()
                .contains("fleet/broken/AllTraffic")
                .contains("DynamoDB is down");
        JsonNode figures = new ObjectMapper().readTree(printed.toString(StandardCharsets.UTF_8));
        assertThat(figures.path("FailedBatches").asDouble()).isEqualTo(1.0);
    }
}
