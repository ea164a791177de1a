package dev.stowage.domain.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.FleetEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** How long a component's copies take to load, as its fleet measures it for CONSOLIDATION's reload cost (ADR 26). */
class FleetLoadTimesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static FleetState fleet(List<FleetEvent> events) {
        return new FleetDecider().fold(events);
    }

    private static List<FleetEvent> loadedAfter(Duration loading) {
        return List.of(
                new FleetEvent.InstanceRequested("i-1", "ml.g5.12xlarge", "min", T0),
                new FleetEvent.InstanceRegistered("i-1", "local:i-1", new FleetEvent.Capacity(44_000, 180_000, 4), T0),
                new FleetEvent.CopyScheduled("a", "a-c1", "i-1", List.of(0), 1000, 1024, "", "why", T0, T0),
                new FleetEvent.CopyLoaded("a-c1", T0.plus(loading)));
    }

    @Test
    void a_copy_that_loads_records_the_time_from_scheduled_to_loaded_for_its_component() {
        FleetState state = fleet(loadedAfter(Duration.ofSeconds(90)));

        assertThat(state.loadTimes()).containsExactly(Map.entry("a", Duration.ofSeconds(90)));
    }

    @Test
    void a_repeated_loaded_report_measures_nothing_more() {
        List<FleetEvent> events = new ArrayList<>(loadedAfter(Duration.ofSeconds(90)));
        events.add(new FleetEvent.CopyLoaded("a-c1", T0.plusSeconds(500)));

        assertThat(fleet(events).loadTimes()).containsEntry("a", Duration.ofSeconds(90));
    }

    @Test
    void load_times_survive_a_snapshot_and_a_snapshot_from_before_them_has_none() throws Exception {
        FleetState state = fleet(loadedAfter(Duration.ofSeconds(90)));

        assertThat(FleetSnapshots.decode(FleetSnapshots.encode(state))).isEqualTo(state);

        ObjectMapper json = new ObjectMapper();
        ObjectNode old;
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(FleetSnapshots.encode(state)))) {
            old = (ObjectNode) json.readTree(zip);
        }
        old.remove("loadTimes");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            json.writeValue(zip, old);
        }
        assertThat(FleetSnapshots.decode(bytes.toByteArray()).loadTimes()).isEmpty();
    }

    @Test
    void the_cool_down_of_a_consolidation_step_counts_from_the_last_step_not_from_other_changes() {
        List<FleetEvent> events = new ArrayList<>(loadedAfter(Duration.ofSeconds(90)));
        assertThat(fleet(events).lastConsolidationStep()).isEmpty();

        events.add(new FleetEvent.CopyScheduled(
                "a",
                "a-c2",
                "i-1",
                List.of(1),
                1000,
                1024,
                "a-c1",
                "CONSOLIDATION step (instance 1 of at most 1)",
                T0,
                T0.plusSeconds(600)));
        events.add(new FleetEvent.CopyLoaded("a-c2", T0.plusSeconds(660)));
        events.add(new FleetEvent.CopyScheduled(
                "b", "b-c1", "i-1", List.of(2), 1000, 1024, "", "1 copy (b=1) fits", T0, T0.plusSeconds(900)));

        assertThat(fleet(events).lastConsolidationStep()).contains(T0.plusSeconds(660));
    }
}
