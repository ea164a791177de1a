package dev.stowage.wire.hostapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.fleet.CopyAdapter;
import dev.stowage.domain.fleet.CopyAssignment;
import dev.stowage.domain.fleet.FleetCopyRecord;
import dev.stowage.events.Document;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");
    private static final FleetCopyRecord COPY = new FleetCopyRecord(
            "base-c1", "base", "i-1", List.of(0), 1000, 1024, "", FleetCopyRecord.Status.LOADED, T0, "why", T0);

    @Test
    void a_copy_s_adapters_travel_with_their_specification_time_to_the_nanosecond() throws Exception {
        List<CopyAdapter> adapters = List.of(
                new CopyAdapter("eu", "s3://adapters/eu/", T0, true),
                new CopyAdapter("us", "s3://adapters/us/", T0.plusNanos(1), false));
        String wire =
                JSON.writeValueAsString(AssignmentJson.encode(new CopyAssignment(COPY, Document.empty(), adapters)));

        assertThat(AssignmentJson.adapters(JSON.readTree(wire))).isEqualTo(adapters);
    }

    @Test
    void a_copy_without_adapters_has_no_adapters_member() {
        var encoded = AssignmentJson.encode(new CopyAssignment(COPY, Document.empty()));

        assertThat(encoded.has("Adapters")).isFalse();
        assertThat(AssignmentJson.adapters(encoded)).isEmpty();
    }
}
