package dev.stowage.host.metrics;

import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.domain.metrics.SampleSummaries;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the published data points in memory so that local mode (and tests) can read them back. Points are kept in
 * publication order; {@link #latest} is the last one published for a metric and exact dimensions, in any namespace.
 * At most {@value #CAPACITY} points are kept: when full, the older half is folded into at most three weighted values
 * per metric and ten seconds ({@link SampleSummaries}: counts, sums, averages, minima and maxima stay exact,
 * percentiles of folded data become approximate), and only if that frees nothing are the oldest points dropped. So a
 * heavy run keeps its history (about half an hour for a few dozen busy metrics) instead of its last seconds. Safe
 * for concurrent use.
 */
public final class InMemoryMetrics implements MetricsPublisher {
    static final int CAPACITY = 100_000;

    private final Deque<MetricDatum> points = new ArrayDeque<>();
    private final int capacity;

    public InMemoryMetrics() {
        this(CAPACITY);
    }

    InMemoryMetrics(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void publish(
            String namespace,
            String name,
            Map<String, String> dimensions,
            double value,
            String unit,
            Instant timestamp) {
        add(new MetricDatum(namespace, name, dimensions, value, unit, timestamp));
    }

    /** Keeps {@code datum}, which may stand for several samples. */
    public synchronized void add(MetricDatum datum) {
        if (points.size() >= capacity) {
            fold();
        }
        if (points.size() >= capacity) {
            points.removeFirst();
        }
        points.addLast(datum);
    }

    private void fold() {
        List<MetricDatum> older = new ArrayList<>();
        for (int i = points.size() / 2; i > 0; i--) {
            older.add(points.removeFirst());
        }
        List<MetricDatum> folded = SampleSummaries.fold(older);
        for (int i = folded.size() - 1; i >= 0; i--) {
            points.addFirst(folded.get(i));
        }
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
