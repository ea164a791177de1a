package dev.stowage.functions.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.metrics.InvocationMetric;
import dev.stowage.domain.metrics.MetricDimensions;
import dev.stowage.domain.metrics.MetricNamespaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SequencedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The CloudWatch dashboard body of one endpoint, in the namespaces the metrics have on AWS: a heading, then rows of
 * graphs — reservation per instance (a {@code SEARCH}, so every instance shows, however many come and go),
 * utilisation ({@code ConcurrentRequestsPerCopy}, high resolution), invocations and errors, latencies (p50 and p99,
 * µs), and copies and instances over time. Component graphs name each component of the outline; an endpoint with none
 * gets a line of text instead. Pure: same outline, same body.
 */
public final class EndpointDashboard {
    /** Where placement publishes its {@code CopyCount} and {@code InstanceCount} gauges. */
    static final String GAUGES_NAMESPACE = "Stowage/SageMaker";

    private static final int MINUTE = 60;
    private static final int HIGH_RESOLUTION = 10;
    private static final int HEADING_HEIGHT = 3;
    private static final int ROW_HEIGHT = 6;
    private static final OptionalDouble NO_MAX = OptionalDouble.empty();
    private static final OptionalDouble PERCENT = OptionalDouble.of(100);

    private EndpointDashboard() {}

    /** The body for {@code outline}, its graphs reading the metrics of {@code region}. */
    public static ObjectNode body(EndpointOutline outline, String region) {
        ObjectNode body =
                JsonNodeFactory.instance.objectNode().put("start", "-PT3H").put("periodOverride", "inherit");
        ArrayNode widgets = body.putArray("widgets");
        widgets.add(Widgets.text(0, HEADING_HEIGHT, heading(outline)));
        int y = HEADING_HEIGHT;
        for (List<Graph> row : rows(outline)) {
            int width = Widgets.WIDTH / row.size();
            for (int i = 0; i < row.size(); i++) {
                widgets.add(row.get(i).widget(i * width, y, width, ROW_HEIGHT, region));
            }
            y += ROW_HEIGHT;
        }
        if (outline.components().isEmpty()) {
            widgets.add(Widgets.text(
                    y,
                    2,
                    "No inference components on this endpoint yet: their graphs appear when" + " one is created."));
        }
        return body;
    }

    private static String heading(EndpointOutline outline) {
        String variants = outline.variants().stream()
                .map(v -> "Variant **" + v.variantName() + "**"
                        + v.instanceType().map(type -> " on **" + type + "**").orElse(""))
                .collect(Collectors.joining(", "));
        String components = outline.components().isEmpty()
                ? "none yet"
                : outline.components().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        return "## Endpoint " + outline.endpointName() + "\n" + (variants.isEmpty() ? "" : variants + ". ")
                + "Inference components: " + components + ".\n\nKept by Stowage's control plane: it changes as"
                + " components come and go, and is deleted with the endpoint.";
    }

    private static List<List<Graph>> rows(EndpointOutline outline) {
        List<List<Graph>> rows = new ArrayList<>();
        rows.add(List.of(
                reservation(outline, "CPUReservation", "CPU reserved", "cpu"),
                reservation(outline, "GPUReservation", "GPU reserved", "gpu"),
                reservation(outline, "MemoryReservation", "Memory reserved", "memory")));
        Graph instances = new Graph(
                "Instances",
                "Maximum",
                MINUTE,
                outline.variants().stream()
                        .map(v -> MetricLines.metric(
                                GAUGES_NAMESPACE,
                                "InstanceCount",
                                pairs(
                                        MetricDimensions.ENDPOINT,
                                        outline.endpointName(),
                                        MetricDimensions.VARIANT,
                                        v.variantName()),
                                v.variantName(),
                                null))
                        .toList(),
                "Instances",
                NO_MAX);
        if (outline.components().isEmpty()) {
            rows.add(List.of(instances));
            return rows;
        }
        rows.add(List.of(perComponent(
                outline,
                "Requests per copy (max)",
                "Maximum",
                HIGH_RESOLUTION,
                "Requests",
                ic -> List.of(invocation(InvocationMetric.CONCURRENT_REQUESTS_PER_COPY, ic, ic, null)))));
        rows.add(List.of(
                perComponent(
                        outline,
                        "Invocations",
                        "Sum",
                        MINUTE,
                        "Requests",
                        ic -> List.of(invocation(InvocationMetric.INVOCATIONS, ic, ic, null))),
                perComponent(
                        outline,
                        "Errors",
                        "Sum",
                        MINUTE,
                        "Requests",
                        ic -> List.of(
                                invocation(InvocationMetric.INVOCATION_4XX_ERRORS, ic, ic + " 4XX", null),
                                invocation(InvocationMetric.INVOCATION_5XX_ERRORS, ic, ic + " 5XX", null),
                                invocation(InvocationMetric.INVOCATION_MODEL_ERRORS, ic, ic + " model", null),
                                invocation(
                                        InvocationMetric.NO_CAPACITY_INVOCATION_FAILURES,
                                        ic,
                                        ic + " no capacity",
                                        null)))));
        rows.add(List.of(
                latency(outline, InvocationMetric.MODEL_LATENCY), latency(outline, InvocationMetric.OVERHEAD_LATENCY)));
        rows.add(List.of(
                perComponent(
                        outline,
                        "Copies",
                        "Maximum",
                        MINUTE,
                        "Copies",
                        ic -> List.of(MetricLines.metric(
                                GAUGES_NAMESPACE, "CopyCount", pairs(MetricDimensions.COMPONENT, ic), ic, null))),
                instances));
        return rows;
    }

    private static Graph reservation(EndpointOutline outline, String metricName, String title, String id) {
        List<ArrayNode> lines = new ArrayList<>();
        for (int i = 0; i < outline.variants().size(); i++) {
            String variant = outline.variants().get(i).variantName();
            lines.add(MetricLines.search(
                    id + i,
                    variant + " ${PROP('Dim.InstanceId')}",
                    MetricNamespaces.onAws(MetricNamespaces.SAGEMAKER_ENDPOINTS),
                    List.of(MetricDimensions.ENDPOINT, MetricDimensions.INSTANCE, MetricDimensions.VARIANT),
                    metricName,
                    pairs(MetricDimensions.ENDPOINT, outline.endpointName(), MetricDimensions.VARIANT, variant),
                    "Average",
                    MINUTE));
        }
        return new Graph(title, "Average", MINUTE, lines, "Percent", PERCENT);
    }

    private static Graph latency(EndpointOutline outline, InvocationMetric metric) {
        return perComponent(
                outline,
                metric.metricName() + " (µs)",
                "p50",
                MINUTE,
                "Microseconds",
                ic -> List.of(invocation(metric, ic, ic + " p50", "p50"), invocation(metric, ic, ic + " p99", "p99")));
    }

    private static Graph perComponent(
            EndpointOutline outline,
            String title,
            String stat,
            int period,
            String yLabel,
            Function<String, List<ArrayNode>> lines) {
        return new Graph(
                title,
                stat,
                period,
                outline.components().stream()
                        .flatMap(ic -> lines.apply(ic).stream())
                        .toList(),
                yLabel,
                NO_MAX);
    }

    private static ArrayNode invocation(
            InvocationMetric metric, String component, String label, @Nullable String stat) {
        return MetricLines.metric(
                MetricNamespaces.onAws(InvocationMetric.NAMESPACE),
                metric.metricName(),
                pairs(MetricDimensions.COMPONENT, component),
                label,
                stat);
    }

    private static SequencedMap<String, String> pairs(String... namesAndValues) {
        SequencedMap<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return pairs;
    }
}
