package dev.stowage.local.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.metrics.Aggregation;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.domain.metrics.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /stowage/metrics?period=60[&stat=Sum][&periods=1][&name=Invocations]}: the datapoints of the last
 * {@code periods} periods of {@code period} seconds (aligned on the epoch, the current one included), one value per
 * period with the statistic {@code stat} (default {@code Sum}), grouped by metric and dimensions. Parameters that do
 * not parse are an {@link IllegalArgumentException} with a message for the caller.
 */
final class MetricStatistics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricStatistics() {}

    static ObjectNode of(List<MetricDatum> points, Map<String, String> query, Instant now) {
        long period = positive(query, "period", "60");
        int periods = (int) positive(query, "periods", "1");
        Statistic statistic = Statistic.parse(query.getOrDefault("stat", "Sum"));
        String name = query.get("name");
        List<MetricDatum> data = points.stream()
                .filter(p -> name == null || p.name().equals(name))
                .toList();
        ObjectNode out = JSON.createObjectNode()
                .put("Period", period)
                .put("Periods", periods)
                .put("Stat", statistic.cloudWatchName());
        ArrayNode list = out.putArray("Metrics");
        for (Aggregation.Series series : Aggregation.of(data, now, Duration.ofSeconds(period), periods, statistic)) {
            ObjectNode item =
                    list.addObject().put("Namespace", series.namespace()).put("MetricName", series.name());
            ObjectNode dimensions = item.putObject("Dimensions");
            series.dimensions().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(d -> dimensions.put(d.getKey(), d.getValue()));
            item.put("Unit", series.unit());
            ArrayNode datapoints = item.putArray("Datapoints");
            series.points().forEach(p -> datapoints
                    .addObject()
                    .put("Timestamp", p.start().toString())
                    .put("Value", p.value()));
        }
        return out;
    }

    private static long positive(Map<String, String> query, String key, String fallback) {
        String raw = Objects.requireNonNullElse(query.get(key), fallback);
        try {
            long value = Long.parseLong(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive whole number, not " + raw + ".");
    }
}
