package dev.stowage.domain.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests each serving copy of a component had in flight at one instant. Yields {@code
 * ConcurrentRequestsPerCopy}: the mean over the copies under the component's dimensions, and each copy's own count
 * under the copy's. No copies, no datapoints.
 */
public record ConcurrencySample(String endpoint, String variant, String component, List<CopyLoad> copies, Instant at) {
    public ConcurrencySample {
        copies = List.copyOf(copies);
    }

    /** One copy's in-flight requests. */
    public record CopyLoad(String instanceId, String copyId, int inFlight) {}

    public List<MetricDatum> datapoints() {
        if (copies.isEmpty()) {
            return List.of();
        }
        List<MetricDatum> out = new ArrayList<>();
        double total = copies.stream().mapToInt(CopyLoad::inFlight).sum();
        out.add(MetricDatum.of(
                InvocationMetric.CONCURRENT_REQUESTS_PER_COPY,
                MetricDimensions.component(component),
                total / copies.size(),
                at));
        for (CopyLoad copy : copies) {
            out.add(MetricDatum.of(
                    InvocationMetric.CONCURRENT_REQUESTS_PER_COPY,
                    MetricDimensions.copy(endpoint, variant, component, copy.instanceId(), copy.copyId()),
                    copy.inFlight(),
                    at));
        }
        return List.copyOf(out);
    }
}
