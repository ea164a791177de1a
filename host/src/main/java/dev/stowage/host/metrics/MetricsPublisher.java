package dev.stowage.host.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * Where the host sends its metrics: CloudWatch on AWS, {@link InMemoryMetrics} locally. A call records one data
 * point; implementations must be safe for concurrent use and must not throw for a data point they cannot keep
 * (metrics are best effort and never fail the host).
 */
public interface MetricsPublisher {

    /**
     * Records {@code value} of metric {@code name} in {@code namespace}, for these dimensions, at {@code
     * timestamp}. {@code unit} is a CloudWatch unit such as {@code Percent} or {@code Count}.
     */
    void publish(
            String namespace,
            String name,
            Map<String, String> dimensions,
            double value,
            String unit,
            Instant timestamp);
}
