package dev.stowage.domain.metrics;

import java.time.Instant;
import java.util.Map;

/** One value of a CloudWatch metric, as published and as read back. */
public record MetricDatum(
        String namespace, String name, Map<String, String> dimensions, double value, String unit, Instant timestamp) {
    public MetricDatum {
        dimensions = Map.copyOf(dimensions);
    }

    static MetricDatum of(InvocationMetric metric, Map<String, String> dimensions, double value, Instant at) {
        return new MetricDatum(InvocationMetric.NAMESPACE, metric.metricName(), dimensions, value, metric.unit(), at);
    }
}
