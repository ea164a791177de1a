package dev.stowage.functions.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One {@code metric} widget of a dashboard body: a time series of {@code metrics} lines (see {@link MetricLines}),
 * each drawn with {@code stat} over {@code periodSeconds} unless the line says otherwise, on a left axis from 0
 * labelled {@code yLabel} and up to {@code yMax} when given.
 */
record Graph(
        String title, String stat, int periodSeconds, List<ArrayNode> metrics, String yLabel, OptionalDouble yMax) {

    Graph {
        metrics = List.copyOf(metrics);
    }

    /** The widget at {@code (x, y)} of {@code width} × {@code height} grid units, reading metrics of {@code region}. */
    ObjectNode widget(int x, int y, int width, int height, String region) {
        ObjectNode widget = Widgets.placed("metric", x, y, width, height);
        ObjectNode properties = widget.putObject("properties");
        ArrayNode lines = properties.putArray("metrics");
        metrics.forEach(lines::add);
        properties
                .put("view", "timeSeries")
                .put("stacked", false)
                .put("stat", stat)
                .put("period", periodSeconds)
                .put("region", region)
                .put("title", title);
        ObjectNode left = properties.putObject("yAxis").putObject("left");
        left.put("min", 0);
        yMax.ifPresent(max -> left.put("max", max));
        left.put("label", yLabel).put("showUnits", false);
        return widget;
    }
}
