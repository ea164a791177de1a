package dev.stowage.host.metrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data points waiting to be sent, folded into one statistic set (count, sum, minimum, maximum) per namespace,
 * metric, dimensions, unit and timestamp. High-resolution metrics keep their second; the others are folded per
 * minute, which is all CloudWatch keeps of them. At most {@code capacity} sets wait; points beyond are dropped and
 * counted. Safe for concurrent use.
 */
final class MetricBuffer {

    /** What one statistic set is for. */
    record Key(
            String namespace,
            String name,
            Map<String, String> dimensions,
            String unit,
            Instant timestamp,
            boolean highResolution) {}

    /** The statistic set of the points folded under one key. */
    record Aggregate(Key key, long sampleCount, double sum, double minimum, double maximum) {
        Aggregate plus(double value) {
            return new Aggregate(key, sampleCount + 1, sum + value, Math.min(minimum, value), Math.max(maximum, value));
        }
    }

    private final int capacity;
    private Map<Key, Aggregate> pending = new LinkedHashMap<>();
    private long dropped;

    MetricBuffer(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(
            String namespace,
            String name,
            Map<String, String> dimensions,
            double value,
            String unit,
            Instant timestamp,
            boolean highResolution) {
        if (!Double.isFinite(value)) {
            dropped++;
            return;
        }
        Key key = new Key(
                namespace,
                name,
                new TreeMap<>(dimensions),
                unit,
                timestamp.truncatedTo(highResolution ? ChronoUnit.SECONDS : ChronoUnit.MINUTES),
                highResolution);
        Aggregate current = pending.get(key);
        if (current == null && pending.size() >= capacity) {
            dropped++;
            return;
        }
        pending.put(key, current == null ? new Aggregate(key, 1, value, value, value) : current.plus(value));
    }

    /** Takes every waiting set, oldest key first, leaving the buffer empty. */
    synchronized List<Aggregate> drain() {
        List<Aggregate> all = new ArrayList<>(pending.values());
        pending = new LinkedHashMap<>();
        return all;
    }

    /** How many points were dropped so far because the buffer was full or the value not a number. */
    synchronized long dropped() {
        return dropped;
    }
}
