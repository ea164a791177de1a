package dev.stowage.host;

import dev.stowage.domain.metrics.InvocationMetric;
import java.util.ArrayList;
import java.util.List;

/** The names of every metric a host publishes: the instance's reservations, invocations and utilization. */
public final class PublishedMetrics {
    private PublishedMetrics() {}

    /** In the order the README lists them: reservations, invocation metrics, utilization. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(Reservations.CPU, Reservations.GPU, Reservations.MEMORY));
        for (InvocationMetric metric : InvocationMetric.values()) {
            names.add(metric.metricName());
        }
        names.addAll(List.of(Utilization.CPU, Utilization.MEMORY, Utilization.GPU, Utilization.GPU_MEMORY));
        return List.copyOf(names);
    }
}
