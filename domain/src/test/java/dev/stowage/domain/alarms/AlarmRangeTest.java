package dev.stowage.domain.alarms;

import static dev.stowage.domain.alarms.Alarms.T0;
import static dev.stowage.domain.alarms.Alarms.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import dev.stowage.domain.metrics.MetricDatum;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation range read from datapoints: the alarm's metric only, per period, with its statistic. */
class AlarmRangeTest {
    private static final Map<String, String> IC = Map.of("InferenceComponentName", "ic");

    @Test
    void sums_the_alarms_metric_per_period_and_leaves_gaps_missing() {
        AlarmDefinition alarm = alarm(3, 3, TreatMissingData.missing);
        List<MetricDatum> data = List.of(
                datum("InvocationsPerCopy", IC, 2, T0.plusSeconds(61)),
                datum("InvocationsPerCopy", IC, 3, T0.plusSeconds(119)),
                datum("InvocationsPerCopy", IC, 7, T0.plusSeconds(240)),
                datum("InvocationsPerCopy", Map.of("InferenceComponentName", "other"), 100, T0.plusSeconds(62)),
                datum("Invocations", IC, 100, T0.plusSeconds(63)),
                datum("InvocationsPerCopy", IC, 100, T0.plusSeconds(300)));

        List<PeriodValue> range = AlarmRange.of(alarm, data, Duration.ofSeconds(60), T0.plusSeconds(300));

        assertThat(range)
                .containsExactly(
                        PeriodValue.missing(T0),
                        PeriodValue.of(T0.plusSeconds(60), 5),
                        PeriodValue.missing(T0.plusSeconds(120)),
                        PeriodValue.missing(T0.plusSeconds(180)),
                        PeriodValue.of(T0.plusSeconds(240), 7));
    }

    @Test
    void a_shorter_period_stands_for_a_time_scale() {
        AlarmDefinition alarm = alarm(3, 3, TreatMissingData.missing);
        Instant end = T0.plusSeconds(5);
        List<MetricDatum> data = List.of(datum("InvocationsPerCopy", IC, 1, end.minusMillis(1)));

        List<PeriodValue> range = AlarmRange.of(alarm, data, Duration.ofSeconds(1), end);

        assertThat(range).hasSize(5);
        assertThat(range.getLast()).isEqualTo(PeriodValue.of(T0.plusSeconds(4), 1));
    }

    private static MetricDatum datum(String name, Map<String, String> dimensions, double value, Instant at) {
        return new MetricDatum("AWS/SageMaker", name, dimensions, value, "Count", at);
    }
}
