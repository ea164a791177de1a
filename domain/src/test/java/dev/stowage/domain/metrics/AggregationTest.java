package dev.stowage.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.domain.metrics.Aggregation.Point;
import dev.stowage.domain.metrics.Aggregation.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class AggregationTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final Map<String, String> A = Map.of("InferenceComponentName", "a");
    private static final Map<String, String> B = Map.of("InferenceComponentName", "b");

    private static MetricDatum point(String name, Map<String, String> dims, double value, int second) {
        return new MetricDatum("AWS/SageMaker", name, dims, value, "Count", T0.plusSeconds(second));
    }

    private static final List<MetricDatum> DATA = List.of(
            point("Invocations", A, 1, -30), // the period before
            point("Invocations", A, 1, 5),
            point("Invocations", A, 1, 59),
            point("Invocations", B, 1, 10),
            point("Invocations", A, 1, 61),
            point("ModelLatency", A, 10, 62),
            point("ModelLatency", A, 30, 63),
            point("ModelLatency", A, 20, 64),
            point("Invocations", A, 1, 200)); // after now

    @Test
    void sums_per_aligned_period_grouped_by_metric_and_dimensions() {
        List<Series> series = Aggregation.of(DATA, T0.plusSeconds(90), MINUTE, 2, Statistic.SUM);
        assertThat(series)
                .containsExactly(
                        new Series(
                                "AWS/SageMaker",
                                "Invocations",
                                A,
                                "Count",
                                List.of(new Point(T0, 2), new Point(T0.plusSeconds(60), 1))),
                        new Series("AWS/SageMaker", "Invocations", B, "Count", List.of(new Point(T0, 1))),
                        new Series(
                                "AWS/SageMaker",
                                "ModelLatency",
                                A,
                                "Count",
                                List.of(new Point(T0.plusSeconds(60), 60))));
    }

    @Test
    void one_period_is_the_one_holding_now() {
        List<Series> series = Aggregation.of(DATA, T0.plusSeconds(119), MINUTE, 1, Statistic.SAMPLE_COUNT);
        assertThat(series)
                .extracting(Series::name, Series::points)
                .containsExactly(
                        Tuple.tuple("Invocations", List.of(new Point(T0.plusSeconds(60), 1))),
                        Tuple.tuple("ModelLatency", List.of(new Point(T0.plusSeconds(60), 3))));
    }

    @Test
    void statistics_follow_cloudwatch() {
        double[] values = {10, 30, 20, 40};
        assertThat(Statistic.parse("Sum").of(values)).isEqualTo(100);
        assertThat(Statistic.parse("Average").of(values)).isEqualTo(25);
        assertThat(Statistic.parse("Minimum").of(values)).isEqualTo(10);
        assertThat(Statistic.parse("Maximum").of(values)).isEqualTo(40);
        assertThat(Statistic.parse("SampleCount").of(values)).isEqualTo(4);
        assertThat(Statistic.parse("p50").of(values)).isEqualTo(20);
        assertThat(Statistic.parse("p99").of(values)).isEqualTo(40);
        assertThat(Statistic.parse("p99.9").cloudWatchName()).isEqualTo("p99.9");
        assertThat(Statistic.parse("p50").cloudWatchName()).isEqualTo("p50");
        assertThatThrownBy(() -> Statistic.parse("Median")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistic.parse("p101")).isInstanceOf(IllegalArgumentException.class);
    }
}
