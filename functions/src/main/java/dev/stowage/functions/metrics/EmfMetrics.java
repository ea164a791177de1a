package dev.stowage.functions.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.metrics.MetricNamespaces;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small writer of the CloudWatch Embedded Metric Format: values gathered with {@link #add} are printed by {@link
 * #flush} as one JSON line (a root {@code _aws} member with {@code Timestamp} in epoch milliseconds and one {@code
 * CloudWatchMetrics} directive naming the namespace, the one dimension set and each metric's name and unit; the
 * dimension values and metric values as root members, a metric with several values as an array). The format allows
 * at most {@value #MAX_METRICS} metrics per directive and {@value #MAX_VALUES} values per metric, so more than that
 * spreads over further lines. The namespace is mapped with {@link MetricNamespaces#onAws}. Safe for concurrent use.
 *
 * <p>IAM: none beyond the function's log permissions (CloudWatch Logs extracts the metrics).
 */
public final class EmfMetrics {
    static final int MAX_METRICS = 100;
    static final int MAX_VALUES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Metric(String unit, List<Double> values) {}

    private final String namespace;
    private final Map<String, String> dimensions;
    private final PrintStream out;
    private final Clock clock;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    public EmfMetrics(String namespace, Map<String, String> dimensions, PrintStream out, Clock clock) {
        if (dimensions.size() > 30) {
            throw new IllegalArgumentException("EMF allows at most 30 dimensions, not " + dimensions.size());
        }
        this.namespace = MetricNamespaces.onAws(namespace);
        this.dimensions = new LinkedHashMap<>(dimensions);
        this.out = out;
        this.clock = clock;
    }

    /** A function's metrics: {@code Stowage/Functions}, dimension {@code Function}, printed to stdout. */
    public static EmfMetrics forFunction(String function) {
        return new EmfMetrics("Stowage/Functions", Map.of("Function", function), System.out, Clock.systemUTC());
    }

    /** Adds one value of metric {@code name} in {@code unit} (a CloudWatch unit such as {@code Count}). */
    public synchronized void add(String name, String unit, double value) {
        if (dimensions.containsKey(name) || name.equals("_aws")) {
            throw new IllegalArgumentException("The metric name " + name + " is taken by a dimension.");
        }
        metrics.computeIfAbsent(name, n -> new Metric(unit, new ArrayList<>()))
                .values()
                .add(value);
    }

    /** Prints what was added since the last flush, and forgets it; prints nothing when nothing was added. */
    public synchronized void flush() {
        List<String> names = new ArrayList<>(metrics.keySet());
        int pages = metrics.values().stream()
                .mapToInt(m -> (m.values().size() + MAX_VALUES - 1) / MAX_VALUES)
                .max()
                .orElse(0);
        long timestamp = clock.millis();
        for (int page = 0; page < pages; page++) {
            int from = page * MAX_VALUES;
            List<String> present = names.stream()
                    .filter(n -> metrics.get(n).values().size() > from)
                    .toList();
            for (int first = 0; first < present.size(); first += MAX_METRICS) {
                out.println(
                        line(present.subList(first, Math.min(present.size(), first + MAX_METRICS)), from, timestamp));
            }
        }
        out.flush();
        metrics.clear();
    }

    private String line(List<String> names, int from, long timestamp) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws").put("Timestamp", timestamp);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject().put("Namespace", namespace);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.keySet().forEach(dimensionSet::add);
        ArrayNode definitions = directive.putArray("Metrics");
        dimensions.forEach(root::put);
        for (String name : names) {
            Metric metric = metrics.get(name);
            definitions.addObject().put("Name", name).put("Unit", metric.unit());
            List<Double> values =
                    metric.values().subList(from, Math.min(metric.values().size(), from + MAX_VALUES));
            if (values.size() == 1) {
                root.put(name, values.getFirst());
            } else {
                ArrayNode array = root.putArray(name);
                values.forEach(array::add);
            }
        }
        return root.toString();
    }
}
