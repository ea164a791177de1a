package dev.stowage.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.metrics.InvocationRecord.CopyRef;
import dev.stowage.domain.metrics.InvocationRecord.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvocationDatapointsTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Map<String, String> IC = Map.of("InferenceComponentName", "ic");
    private static final Map<String, String> COPY = Map.of(
            "EndpointName", "ep",
            "VariantName", "AllTraffic",
            "InferenceComponentName", "ic",
            "InstanceId", "i-1",
            "ContainerId", "copy-1");

    private static InvocationRecord record(Kind kind, Optional<CopyRef> copy) {
        return new InvocationRecord(
                "ep", "AllTraffic", "ic", copy, kind, 4, Duration.ofMillis(12), Duration.ofNanos(1_500_000), T0);
    }

    private static MetricDatum datum(String name, Map<String, String> dimensions, double value, String unit) {
        return new MetricDatum("AWS/SageMaker", name, dimensions, value, unit, T0);
    }

    @Test
    void a_served_request_counts_under_the_component_and_the_copy() {
        List<MetricDatum> points =
                InvocationDatapoints.of(record(Kind.SERVED, Optional.of(new CopyRef("i-1", "copy-1"))));
        assertThat(points)
                .containsExactlyInAnyOrder(
                        datum("InvocationsPerCopy", IC, 0.25, "Count"),
                        datum("Invocations", IC, 1, "Count"),
                        datum("Invocation4XXErrors", IC, 0, "Count"),
                        datum("Invocation5XXErrors", IC, 0, "Count"),
                        datum("InvocationModelErrors", IC, 0, "Count"),
                        datum("ModelLatency", IC, 12_000, "Microseconds"),
                        datum("OverheadLatency", IC, 1_500, "Microseconds"),
                        datum("Invocations", COPY, 1, "Count"),
                        datum("Invocation4XXErrors", COPY, 0, "Count"),
                        datum("Invocation5XXErrors", COPY, 0, "Count"),
                        datum("InvocationModelErrors", COPY, 0, "Count"),
                        datum("ModelLatency", COPY, 12_000, "Microseconds"),
                        datum("OverheadLatency", COPY, 1_500, "Microseconds"));
    }

    @Test
    void a_model_error_counts_as_a_model_error_and_by_its_status_class() {
        List<MetricDatum> points = InvocationDatapoints.of(record(Kind.modelError(503), Optional.empty()));
        assertThat(points)
                .contains(
                        datum("Invocations", IC, 1, "Count"),
                        datum("Invocation4XXErrors", IC, 0, "Count"),
                        datum("Invocation5XXErrors", IC, 1, "Count"),
                        datum("InvocationModelErrors", IC, 1, "Count"));
        assertThat(Kind.modelError(404)).isEqualTo(Kind.MODEL_ERROR_4XX);
    }

    @Test
    void no_capacity_and_throttling_count_once_under_the_component_only() {
        assertThat(InvocationDatapoints.of(record(Kind.NO_CAPACITY, Optional.empty())))
                .containsExactly(datum("NoCapacityInvocationFailures", IC, 1, "Count"));
        assertThat(InvocationDatapoints.of(record(Kind.THROTTLED, Optional.empty())))
                .containsExactly(datum("Invocation4XXErrors", IC, 1, "Count"));
    }

    @Test
    void concurrency_is_the_mean_over_the_copies_and_each_copys_own() {
        var sample = new ConcurrencySample(
                "ep",
                "AllTraffic",
                "ic",
                List.of(
                        new ConcurrencySample.CopyLoad("i-1", "copy-1", 3),
                        new ConcurrencySample.CopyLoad("i-1", "copy-2", 0)),
                T0);
        assertThat(sample.datapoints())
                .containsExactly(
                        datum("ConcurrentRequestsPerCopy", IC, 1.5, "Count"),
                        datum("ConcurrentRequestsPerCopy", COPY, 3, "Count"),
                        datum(
                                "ConcurrentRequestsPerCopy",
                                Map.of(
                                        "EndpointName", "ep",
                                        "VariantName", "AllTraffic",
                                        "InferenceComponentName", "ic",
                                        "InstanceId", "i-1",
                                        "ContainerId", "copy-2"),
                                0,
                                "Count"));
        assertThat(new ConcurrencySample("ep", "AllTraffic", "ic", List.of(), T0).datapoints())
                .isEmpty();
    }
}
