package dev.stowage.functions.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.jspecify.annotations.Nullable;

/**
 * Entries of a metric widget's {@code metrics} array: {@code [namespace, name, dimension, value, …, {rendering}]}
 * for one metric, {@code [{"expression": …, "id": …, "label": …}]} for a search expression.
 */
final class MetricLines {
    private MetricLines() {}

    /** One metric with its dimensions in order, drawn with {@code label} and, when not null, {@code stat}. */
    static ArrayNode metric(
            String namespace,
            String metricName,
            SequencedMap<String, String> dimensions,
            String label,
            @Nullable String stat) {
        ArrayNode line = JsonNodeFactory.instance.arrayNode().add(namespace).add(metricName);
        dimensions.forEach((name, value) -> line.add(name).add(value));
        ObjectNode rendering = line.addObject();
        if (stat != null) {
            rendering.put("stat", stat);
        }
        rendering.put("label", label);
        return line;
    }

    /**
     * A {@code SEARCH} for {@code metricName} in {@code namespace} among metrics with exactly the dimension names
     * {@code schema}, narrowed to the exact values in {@code values}: one line per metric found (per instance, say).
     */
    static ArrayNode search(
            String id,
            String label,
            String namespace,
            List<String> schema,
            String metricName,
            SequencedMap<String, String> values,
            String stat,
            int periodSeconds) {
        StringBuilder query = new StringBuilder("{").append(quoted(namespace));
        schema.forEach(dimension -> query.append(',').append(dimension));
        query.append("} MetricName=").append(quoted(metricName));
        for (Map.Entry<String, String> value : values.entrySet()) {
            query.append(' ').append(value.getKey()).append('=').append(quoted(value.getValue()));
        }
        String expression = "SEARCH('" + query + "', '" + stat + "', " + periodSeconds + ")";
        ArrayNode line = JsonNodeFactory.instance.arrayNode();
        line.addObject().put("expression", expression).put("id", id).put("label", label);
        return line;
    }

    /** A search must quote names with characters other than letters and digits; quoting the others is harmless. */
    private static String quoted(String name) {
        return '"' + name + '"';
    }
}
