package dev.stowage.host.metrics;

import java.time.Instant;
import java.util.Map;

/** One published value of a metric. */
public record Datapoint(
        String namespace, String name, Map<String, String> dimensions, double value, String unit, Instant timestamp) {
    public Datapoint {
        dimensions = Map.copyOf(dimensions);
    }
}
