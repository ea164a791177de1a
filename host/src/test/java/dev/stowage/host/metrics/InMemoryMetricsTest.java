package dev.stowage.host.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.metrics.Aggregation;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.domain.metrics.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryMetricsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Map<String, String> IC = Map.of("InferenceComponentName", "ic");

    @Test
    void a_full_store_folds_its_older_half_and_keeps_every_minute_exact() {
        InMemoryMetrics metrics = new InMemoryMetrics(1_000);
        // Ten minutes at 20 invocations a second: 12,000 points into a store of 1,000.
        for (int second = 0; second < 600; second++) {
            for (int i = 0; i < 20; i++) {
                metrics.publish(
                        "AWS/SageMaker",
                        "Invocations",
                        IC,
                        1,
                        "None",
                        T0.plusSeconds(second).plusMillis(i));
            }
        }

        List<MetricDatum> kept = metrics.all();
        assertThat(kept.size()).isLessThanOrEqualTo(1_000);
        for (Statistic statistic : List.of(Statistic.SUM, Statistic.SAMPLE_COUNT)) {
            List<Aggregation.Point> minutes = Aggregation.of(
                            kept, T0.plusSeconds(599), Duration.ofMinutes(1), 10, statistic)
                    .getFirst()
                    .points();
            assertThat(minutes).hasSize(10).allSatisfy(minute -> assertThat(minute.value())
                    .as(statistic.cloudWatchName() + " of " + minute.start())
                    .isEqualTo(1_200.0));
        }
    }

    @Test
    void points_that_cannot_be_folded_give_way_oldest_first() {
        InMemoryMetrics metrics = new InMemoryMetrics(10);
        for (int tens = 0; tens < 15; tens++) {
            metrics.publish("AWS/SageMaker", "Invocations", IC, tens, "None", T0.plusSeconds(10L * tens));
        }

        assertThat(metrics.all()).hasSize(10);
        assertThat(metrics.all().getFirst().value()).isEqualTo(5.0);
        assertThat(metrics.latest("Invocations", IC).orElseThrow().value()).isEqualTo(14.0);
    }
}
