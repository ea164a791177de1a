package dev.stowage.functions.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.fleet.FleetCopyRecord;
import dev.stowage.domain.fleet.FleetInstanceRecord;
import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.fleet.FleetState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetGaugesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prints_the_instances_of_the_fleet_and_the_serving_copies_of_each_component() throws Exception {
        FleetState state = new FleetState(
                Map.of(
                        "i-1", instance("i-1", FleetInstanceRecord.Status.RUNNING),
                        "i-2", instance("i-2", FleetInstanceRecord.Status.REQUESTED)),
                Map.of(
                        "a-1", copy("a-1", "europe", FleetCopyRecord.Status.LOADED),
                        "a-2", copy("a-2", "europe", FleetCopyRecord.Status.SCHEDULED),
                        "b-1", copy("b-1", "america", FleetCopyRecord.Status.LOADED)),
                Map.of(),
                Map.of(),
                Map.of(),
                2);
        var printed = new ByteArrayOutputStream();
        new FleetGauges(new PrintStream(printed, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC))
                .publish(new FleetKey("travel", "AllTraffic"), state);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : printed.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(3);
        JsonNode instances = lines.get(0);
        assertThat(instances.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        JsonNode directive = instances.path("_aws").path("CloudWatchMetrics").path(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Stowage/SageMaker");
        assertThat(directive.path("Metrics").path(0).path("Name").asText()).isEqualTo("InstanceCount");
        assertThat(instances.path("EndpointName").asText()).isEqualTo("travel");
        assertThat(instances.path("VariantName").asText()).isEqualTo("AllTraffic");
        assertThat(instances.path("InstanceCount").asDouble()).isEqualTo(2.0);

        assertThat(lines.get(1).path("InferenceComponentName").asText()).isEqualTo("america");
        assertThat(lines.get(1).path("CopyCount").asDouble()).isEqualTo(1.0);
        assertThat(lines.get(2).path("InferenceComponentName").asText()).isEqualTo("europe");
        assertThat(lines.get(2).path("CopyCount").asDouble()).isEqualTo(1.0);
    }

    private static FleetInstanceRecord instance(String id, FleetInstanceRecord.Status status) {
        return new FleetInstanceRecord(
                id, "ml.g5.12xlarge", status, Optional.empty(), Optional.empty(), NOW, Optional.empty(), "");
    }

    private static FleetCopyRecord copy(String id, String component, FleetCopyRecord.Status status) {
        return new FleetCopyRecord(id, component, "i-1", List.of(0), 1000, 1024, "", status, NOW, "test", NOW);
    }
}
