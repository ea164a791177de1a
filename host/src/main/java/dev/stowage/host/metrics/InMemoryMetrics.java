package dev.stowage.host.metrics;

import dev.stowage.domain.metrics.MetricDatum;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every published data point in memory so that local mode (and tests) can read them back. Points are kept
 * in publication order; {@link #latest} is the last one published for a metric and exact dimensions, in any
 * namespace. Only the newest {@value #CAPACITY} points are kept. Safe for concurrent use.
 */
public final class InMemoryMetrics implements MetricsPublisher {
    static final int CAPACITY = 100_000;

    private final Deque<MetricDatum> points = new ArrayDeque<>();

    @Override
    public synchronized void publish(
            String namespace,
            String name,
            Map<String, String> dimensions,
            double value,
            String unit,
            Instant timestamp) {
        if (points.size() == CAPACITY) {
            points.removeFirst();
        }
        points.addLast(new MetricDatum(namespace, name, dimensions, value, unit, timestamp));
    }

    /** The last data point of {@code name} with exactly these dimensions. */
    public synchronized Optional<MetricDatum> latest(String name, Map<String, String> dimensions) {
        for (Iterator<MetricDatum> it = points.descendingIterator(); it.hasNext(); ) {
            MetricDatum point = it.next();
            if (point.name().equals(name) && point.dimensions().equals(dimensions)) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }

    /** Every data point so far, oldest first. */
    public synchronized List<MetricDatum> all() {
        return List.copyOf(points);
    }
}
