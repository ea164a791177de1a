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
 * percentiles of folded data become approximate), and when there is too little left to fold the oldest points are
 * dropped. So a
 * heavy run keeps its history (about half an hour for a few dozen busy metrics) instead of its last seconds. Safe
 * for concurrent use.
 */
public final class InMemoryMetrics implements MetricsPublisher {
    static final int CAPACITY = 100_000;

    private final Deque<MetricDatum> points = new ArrayDeque<>();
    private final int capacity;
    /** How many of the oldest points are summaries already: folding them again gains nothing. */
    private int folded;

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
            folded = Math.max(0, folded - 1);
        }
        points.addLast(datum);
    }

    /**
     * Folds the older half, when enough of it (a quarter of the store) is not folded yet to be worth it: a store
     * whose points do not fold then drops its oldest at once instead of going over the same summaries on every add.
     */
    private void fold() {
        int end = points.size() / 2;
        if (end - folded < capacity / 4) {
            return;
        }
        List<MetricDatum> older = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            older.add(points.removeFirst());
        }
        List<MetricDatum> result = SampleSummaries.fold(older);
        for (int i = result.size() - 1; i >= 0; i--) {
            points.addFirst(result.get(i));
        }
        folded = result.size();
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
