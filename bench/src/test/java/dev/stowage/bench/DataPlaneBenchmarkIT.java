package dev.stowage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data-plane benchmark's workloads, seconds each, end to end against local mode: not timed, only that both
 * endpoints serve every point with no failure other than a 429 (all copies at their limit) and the report prints.
 */
class DataPlaneBenchmarkIT {

    @Test
    void everyPointIsServedAndTheReportPrints() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<RoutingUnderLoad.Point> points = DataPlaneBenchmark.run(
                DataPlaneBenchmark.Settings.smoke(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(points).hasSize(6);
        assertThat(points)
                .extracting(RoutingUnderLoad.Point::strategy)
                .containsExactly(
                        "RANDOM",
                        "LEAST_OUTSTANDING_REQUESTS",
                        "RANDOM",
                        "LEAST_OUTSTANDING_REQUESTS",
                        "RANDOM",
                        "LEAST_OUTSTANDING_REQUESTS");
        // near 90 % a burst can take all 64 slots: a 429 is the no-queue limit working, any other failure is a bug
        assertThat(points).allSatisfy(p -> {
            assertThat(p.failures().keySet())
                    .allSatisfy(kind -> assertThat(kind).endsWith(" 429"));
            assertThat(p.sorted()).isNotEmpty();
        });
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("LOR÷RANDOM p99", "Router overhead", "OverheadLatency p99");
    }
}
