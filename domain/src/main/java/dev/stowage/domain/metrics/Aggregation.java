package dev.stowage.domain.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Datapoints read back as CloudWatch's GetMetricStatistics does: grouped by namespace, metric name and exact
 * dimensions; within a group, cut into periods aligned on multiples of {@code period} since the epoch; one value per
 * period that has datapoints (periods without any are left out). The window is the {@code periods} latest periods,
 * the one holding {@code now} (still filling) included.
 */
public final class Aggregation {
    private Aggregation() {}

    /** One group's values, oldest period first. */
    public record Series(
            String namespace, String name, Map<String, String> dimensions, String unit, List<Point> points) {
        public Series {
            dimensions = Map.copyOf(dimensions);
            points = List.copyOf(points);
        }
    }

    /** The statistic of the datapoints whose timestamps fall in {@code [start, start + period)}. */
    public record Point(Instant start, double value) {}

    /** Groups sorted by name, then namespace, then dimensions. */
    public static List<Series> of(
            List<MetricDatum> data, Instant now, Duration period, int periods, Statistic statistic) {
        long size = period.toMillis();
        if (size <= 0 || periods <= 0) {
            throw new IllegalArgumentException("period and periods must be positive");
        }
        long end = Math.floorDiv(now.toEpochMilli(), size) * size + size;
        long start = end - size * periods;
        Map<Key, TreeMap<Long, List<MetricDatum>>> groups = new TreeMap<>(Key.ORDER);
        for (MetricDatum datum : data) {
            long at = datum.timestamp().toEpochMilli();
            if (at < start || at >= end) {
                continue;
            }
            groups.computeIfAbsent(Key.of(datum), k -> new TreeMap<>())
                    .computeIfAbsent(Math.floorDiv(at, size) * size, k -> new ArrayList<>())
                    .add(datum);
        }
        List<Series> out = new ArrayList<>();
        groups.forEach((key, buckets) -> out.add(new Series(
                key.namespace,
                key.name,
                key.dimensions,
                key.unit,
                buckets.entrySet().stream()
                        .map(b -> new Point(
                                Instant.ofEpochMilli(b.getKey()),
                                statistic.of(
                                        b.getValue().stream()
                                                .mapToDouble(MetricDatum::value)
                                                .toArray(),
                                        b.getValue().stream()
                                                .mapToDouble(MetricDatum::weight)
                                                .toArray())))
                        .toList())));
        return List.copyOf(out);
    }

    private record Key(String namespace, String name, Map<String, String> dimensions, String unit, String sortable) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::name)
                .thenComparing(Key::namespace)
                .thenComparing(Key::sortable)
                .thenComparing(Key::unit);

        static Key of(MetricDatum datum) {
            String sortable = new TreeMap<>(datum.dimensions())
                    .entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(","));
            return new Key(datum.namespace(), datum.name(), datum.dimensions(), datum.unit(), sortable);
        }
    }
}
