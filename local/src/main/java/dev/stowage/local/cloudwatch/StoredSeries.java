package dev.stowage.local.cloudwatch;

import dev.stowage.domain.metrics.Aggregation;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.domain.metrics.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One metric's stored datapoints read back over {@code [start, end)} as CloudWatch's read APIs do: its namespace,
 * name and exactly its dimensions (and unit, when asked), one value per period of {@code period} aligned on the
 * epoch, per unit, through {@link Aggregation}; periods without datapoints are left out.
 */
record StoredSeries(String namespace, String name, Map<String, String> dimensions, Optional<String> unit) {

    List<Aggregation.Series> read(
            List<MetricDatum> data, Instant start, Instant end, Duration period, Statistic statistic) {
        long size = period.toMillis();
        long first = Math.floorDiv(start.toEpochMilli(), size) * size;
        int periods = (int) Math.max(1, Math.ceilDiv(end.toEpochMilli() - first, size));
        List<MetricDatum> mine = data.stream()
                .filter(d -> d.namespace().equals(namespace)
                        && d.name().equals(name)
                        && d.dimensions().equals(dimensions)
                        && unit.map(d.unit()::equals).orElse(true)
                        && !d.timestamp().isBefore(start)
                        && d.timestamp().isBefore(end))
                .toList();
        return Aggregation.of(mine, end.minusNanos(1), period, periods, statistic);
    }
}
