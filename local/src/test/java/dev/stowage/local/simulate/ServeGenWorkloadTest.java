package dev.stowage.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServeGenWorkloadTest {
    private static Workload open(Path folder, WorkloadShaping shaping) throws Exception {
        return new WorkloadSource(WorkloadSource.Kind.SERVEGEN, folder).open(shaping);
    }

    @Test
    void every_trace_file_is_a_component_named_after_its_model_folder_and_stem() throws Exception {
        assertThat(open(Fixtures.file("servegen"), WorkloadShaping.NONE)
                        .summary()
                        .components())
                .containsExactly(
                        new ComponentLoad("m-large-chunk-12-trace", 6, 600_000, 1_200_000),
                        new ComponentLoad("m-small-chunk-5-trace", 90, 0, 1_800_000));
    }

    @Test
    void arrivals_fill_their_windows_in_time_order_and_match_the_summary() throws Exception {
        Workload workload = open(Fixtures.file("servegen"), new WorkloadShaping(1, 1, 42));
        List<Arrival> arrivals = Fixtures.arrivals(workload);
        assertThat(arrivals)
                .hasSize(96)
                .isSortedAccordingTo(java.util.Comparator.comparingLong(Arrival::timestampMillis));
        assertThat(arrivals)
                .filteredOn(arrival -> arrival.component().equals("m-large-chunk-12-trace"))
                .allSatisfy(arrival -> assertThat(arrival.timestampMillis()).isBetween(600_000L, 1_200_000L));
        assertThat(arrivals)
                .isEqualTo(Fixtures.arrivals(open(Fixtures.file("servegen"), new WorkloadShaping(1, 1, 42))));
    }

    @Test
    void the_rate_scale_and_compression_shrink_the_counts_and_the_span() throws Exception {
        WorkloadSummary summary =
                open(Fixtures.file("servegen"), new WorkloadShaping(10, 60, 1)).summary();
        assertThat(summary.totalRequests()).isEqualTo(960);
        assertThat(summary.components().getLast().lastMillis()).isEqualTo(30_000);
    }

    @Test
    void an_unknown_pattern_names_the_file_and_line() {
        assertThatThrownBy(() -> open(Fixtures.file("bad/servegen-bad-pattern"), WorkloadShaping.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage("chunk-1-trace.csv: line 2: pattern must be Gamma, Weibull or empty, not 'Lognormal'");
    }

    @Test
    void reads_the_real_trace() throws Exception {
        Path folder = Fixtures.TRACES.resolve("servegen/data/language/m-small");
        assumeTrue(Fixtures.exists(folder), "no ServeGen trace here");
        WorkloadSummary summary = open(folder, WorkloadShaping.NONE).summary();
        assertThat(summary.components()).hasSize(7);
        assertThat(summary.totalRequests()).isEqualTo(536_197_641L);
        List<Arrival> first = Fixtures.firstArrivals(open(folder, new WorkloadShaping(0.001, 1, 1)), 3);
        assertThat(first).hasSize(3).allSatisfy(arrival -> assertThat(arrival.timestampMillis())
                .isLessThan(600_000));
    }
}
