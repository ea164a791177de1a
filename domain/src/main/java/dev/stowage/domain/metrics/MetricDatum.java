package dev.stowage.domain.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * One value of a CloudWatch metric, as published and as read back. {@code weight} is how many samples the value stands
 * for: 1 for a value as published, the count of a {@code Values}/{@code Counts} entry, or more for a value that
 * summarises several ({@link SampleSummaries}).
 */
public record MetricDatum(
        String namespace,
        String name,
        Map<String, String> dimensions,
        double value,
        String unit,
        Instant timestamp,
        double weight) {
    public MetricDatum {
        dimensions = Map.copyOf(dimensions);
        if (!(weight > 0)) {
            throw new IllegalArgumentException("A datum stands for more than 0 samples, not " + weight);
        }
    }

    /** One sample. */
    public MetricDatum(
            String namespace,
            String name,
            Map<String, String> dimensions,
            double value,
            String unit,
            Instant timestamp) {
        this(namespace, name, dimensions, value, unit, timestamp, 1);
    }

    /** This datum standing for {@code samples} samples of {@code value}, at {@code at}. */
    public MetricDatum as(double nextValue, double samples, Instant at) {
        return new MetricDatum(namespace, name, dimensions, nextValue, unit, at, samples);
    }

    static MetricDatum of(InvocationMetric metric, Map<String, String> dimensions, double value, Instant at) {
        return new MetricDatum(InvocationMetric.NAMESPACE, metric.metricName(), dimensions, value, metric.unit(), at);
    }
}
