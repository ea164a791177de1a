package dev.stowage.domain.alarms;

import dev.stowage.domain.metrics.Aggregation;
import dev.stowage.domain.metrics.MetricDatum;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an alarm's evaluation range from datapoints: the datapoints of its metric (namespace, name, exactly its
 * dimensions, and its unit when it names one), cut by {@link Aggregation} into periods of {@code period} aligned on
 * the epoch, with the alarm's statistic; the {@link AlarmEvaluator#evaluationRange} periods that end at {@code end}
 * (which must be a period boundary), oldest first, empty where no datapoint fell.
 *
 * <p>{@code period} is passed separately from the alarm's so that local mode can shrink it by its time scale.
 */
public final class AlarmRange {
    private AlarmRange() {}

    public static List<PeriodValue> of(AlarmDefinition alarm, List<MetricDatum> data, Duration period, Instant end) {
        int periods = AlarmEvaluator.evaluationRange(alarm);
        List<MetricDatum> watched = data.stream()
                .filter(d -> watches(alarm, d))
                .map(d -> new MetricDatum(
                        d.namespace(), d.name(), d.dimensions(), d.value(), "", d.timestamp(), d.weight()))
                .toList();
        Map<Instant, Double> values = new HashMap<>();
        for (Aggregation.Series series :
                Aggregation.of(watched, end.minusNanos(1), period, periods, alarm.statistic())) {
            series.points().forEach(p -> values.put(p.start(), p.value()));
        }
        List<PeriodValue> range = new ArrayList<>(periods);
        for (int i = periods; i > 0; i--) {
            Instant start = end.minus(period.multipliedBy(i));
            range.add(new PeriodValue(start, Optional.ofNullable(values.get(start))));
        }
        return List.copyOf(range);
    }

    /** Whether {@code datum} is of the alarm's metric. */
    public static boolean watches(AlarmDefinition alarm, MetricDatum datum) {
        return datum.namespace().equals(alarm.namespace())
                && datum.name().equals(alarm.metricName())
                && datum.dimensions().equals(alarm.dimensions())
                && alarm.unit().map(datum.unit()::equals).orElse(true);
    }
}
