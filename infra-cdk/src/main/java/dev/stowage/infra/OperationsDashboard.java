package dev.stowage.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.constructs.Construct;

/**
 * The deployment's own dashboard, {@code <deployment>_operations} (an underscore, so that no endpoint dashboard,
 * {@code <deployment>-<endpoint>}, can take its name): the API's requests, faults and latency per operation, the
 * stream functions' records, failed batches and batch durations, their dead-letter queues, and every function's
 * errors and throttles. Endpoint dashboards change with the endpoints, so the control plane makes them (ADR 17); this
 * one only changes with the stack, so the stack makes it.
 */
final class OperationsDashboard extends Construct {
    static final String FIGURES = "Stowage/Functions";
    private static final Duration MINUTE = Duration.minutes(1);

    OperationsDashboard(
            Construct scope, String id, String deployment, List<JavaFunction> functions, List<StreamConsumer> streams) {
        super(scope, id);
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(deployment + "_operations")
                .build();
        dashboard.addWidgets(
                graph("API requests by operation", search("Requests", "Sum")),
                graph("API faults and client errors", search("Faults", "Sum"), search("ClientErrors", "Sum")),
                graph("API latency by operation (ms)", search("Latency", "Average")));
        dashboard.addWidgets(
                graph("Stream records", figures(streams, "Records", "Sum")),
                graph("Failed stream batches", figures(streams, "FailedBatches", "Sum")),
                graph("Stream batch duration (ms, p99)", figures(streams, "BatchDuration", "p99")));
        List<IMetric> deadLetters = new ArrayList<>();
        streams.forEach(stream -> deadLetters.add(stream.deadLetters()
                .metricApproximateNumberOfMessagesVisible()
                .with(MetricOptions.builder()
                        .label(stream.consumer().shortName())
                        .build())));
        List<IMetric> errors = new ArrayList<>();
        List<IMetric> throttles = new ArrayList<>();
        functions.forEach(function -> {
            errors.add(function.function()
                    .metricErrors(MetricOptions.builder()
                            .label(function.shortName())
                            .period(MINUTE)
                            .build()));
            throttles.add(function.function()
                    .metricThrottles(MetricOptions.builder()
                            .label(function.shortName())
                            .period(MINUTE)
                            .build()));
        });
        dashboard.addWidgets(
                graph("Records in dead-letter queues", deadLetters),
                graph("Function errors", errors),
                graph("Function throttles", throttles));
    }

    /** Every operation's figure {@code metric} of the API function, as CloudWatch finds them. */
    private static List<IMetric> search(String metric, String statistic) {
        return List.of(MathExpression.Builder.create()
                .expression("SEARCH('{" + FIGURES + ",Function,Operation} Function=\"api\" MetricName=\"" + metric
                        + "\"', '" + statistic + "', 60)")
                .usingMetrics(Map.of())
                .label("")
                .period(MINUTE)
                .build());
    }

    /** The stream functions' figure {@code metric} (printed per batch as EMF by each). */
    private static List<IMetric> figures(List<StreamConsumer> streams, String metric, String statistic) {
        return streams.stream()
                .map(stream -> (IMetric) Metric.Builder.create()
                        .namespace(FIGURES)
                        .metricName(metric)
                        .dimensionsMap(Map.of("Function", stream.consumer().shortName()))
                        .statistic(statistic)
                        .period(MINUTE)
                        .label(stream.consumer().shortName())
                        .build())
                .toList();
    }

    @SafeVarargs
    private static IWidget graph(String title, List<IMetric>... metrics) {
        List<IMetric> left = new ArrayList<>();
        for (List<IMetric> list : metrics) {
            left.addAll(list);
        }
        return GraphWidget.Builder.create().title(title).left(left).width(8).build();
    }
}
