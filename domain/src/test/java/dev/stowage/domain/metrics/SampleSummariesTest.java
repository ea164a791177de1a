package dev.stowage.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class SampleSummariesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void a_statistic_set_reads_back_count_sum_minimum_and_maximum() {
        double[] values = SampleSummaries.ofStatisticSet(5, 20, 1, 9).stream()
                .mapToDouble(w -> w[0])
                .toArray();
        double[] weights = SampleSummaries.ofStatisticSet(5, 20, 1, 9).stream()
                .mapToDouble(w -> w[1])
                .toArray();

        assertThat(Statistic.SAMPLE_COUNT.of(values, weights)).isEqualTo(5.0);
        assertThat(Statistic.SUM.of(values, weights)).isEqualTo(20.0);
        assertThat(Statistic.AVERAGE.of(values, weights)).isEqualTo(4.0);
        assertThat(Statistic.parse("Minimum").of(values, weights)).isEqualTo(1.0);
        assertThat(Statistic.MAXIMUM.of(values, weights)).isEqualTo(9.0);
        assertThat(SampleSummaries.ofStatisticSet(1, 7, 7, 7)).singleElement().satisfies(w -> {
            assertThat(w[0]).isEqualTo(7.0);
            assertThat(w[1]).isEqualTo(1.0);
        });
    }

    @Test
    void folding_keeps_each_ten_seconds_of_each_metric_apart_and_exact() {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            data.add(datum("ModelLatency", i, T0.plusSeconds(i)));
            data.add(datum("ModelLatency", 100 + i, T0.plusSeconds(10 + i)));
            data.add(datum("Invocations", 1, T0.plusSeconds(i).plusMillis(500)));
        }

        List<MetricDatum> folded = SampleSummaries.fold(data);

        assertThat(folded).hasSize(9);
        assertThat(folded).allSatisfy(d -> assertThat(d.timestamp().getNano()).isZero());
        double[] firstSecond = folded.stream()
                .filter(d -> d.name().equals("ModelLatency") && d.timestamp().equals(T0))
                .flatMapToDouble(d -> DoubleStream.of(d.value() * d.weight()))
                .toArray();
        assertThat(Arrays.stream(firstSecond).sum()).isEqualTo(45.0);
    }

    @Test
    void a_percentile_counts_each_value_as_often_as_its_weight() {
        assertThat(Statistic.parse("p90").of(new double[] {1, 100}, new double[] {9, 1}))
                .isEqualTo(1.0);
        assertThat(Statistic.parse("p91").of(new double[] {1, 100}, new double[] {9, 1}))
                .isEqualTo(100.0);
    }

    private static MetricDatum datum(String name, double value, Instant at) {
        return new MetricDatum("AWS/SageMaker", name, Map.of("InferenceComponentName", "ic"), value, "None", at);
    }
}
