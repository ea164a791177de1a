package dev.stowage.domain.metrics;

import static dev.stowage.domain.metrics.InvocationMetric.INVOCATIONS;
import static dev.stowage.domain.metrics.InvocationMetric.INVOCATIONS_PER_COPY;
import static dev.stowage.domain.metrics.InvocationMetric.INVOCATION_4XX_ERRORS;
import static dev.stowage.domain.metrics.InvocationMetric.INVOCATION_5XX_ERRORS;
import static dev.stowage.domain.metrics.InvocationMetric.INVOCATION_MODEL_ERRORS;
import static dev.stowage.domain.metrics.InvocationMetric.MODEL_LATENCY;
import static dev.stowage.domain.metrics.InvocationMetric.NO_CAPACITY_INVOCATION_FAILURES;
import static dev.stowage.domain.metrics.InvocationMetric.OVERHEAD_LATENCY;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The datapoints one invocation yields. A request a copy took (served or failed by the model) counts in {@code
 * Invocations}, {@code InvocationsPerCopy}, the three error counts (1 or 0) and both latencies, under the component's
 * dimensions and again, except {@code InvocationsPerCopy}, under the copy's. A throttled request (429, never reached a
 * model) counts one {@code Invocation4XXErrors}; a request with no serving copy one {@code
 * NoCapacityInvocationFailures}; both under the component's dimensions only.
 */
public final class InvocationDatapoints {
    private InvocationDatapoints() {}

    public static List<MetricDatum> of(InvocationRecord record) {
        Map<String, String> component = MetricDimensions.component(record.component());
        List<MetricDatum> out = new ArrayList<>();
        switch (record.kind()) {
            case NO_CAPACITY -> out.add(MetricDatum.of(NO_CAPACITY_INVOCATION_FAILURES, component, 1, record.at()));
            case THROTTLED -> out.add(MetricDatum.of(INVOCATION_4XX_ERRORS, component, 1, record.at()));
            case SERVED, MODEL_ERROR_4XX, MODEL_ERROR_5XX -> {
                out.add(MetricDatum.of(
                        INVOCATIONS_PER_COPY, component, 1.0 / Math.max(1, record.servingCopies()), record.at()));
                taken(record, component, out);
                record.copy()
                        .ifPresent(copy -> taken(
                                record,
                                MetricDimensions.copy(
                                        record.endpoint(),
                                        record.variant(),
                                        record.component(),
                                        copy.instanceId(),
                                        copy.copyId()),
                                out));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The datapoints of a component nobody invoked during a period while it had copies: {@code Invocations} and
     * {@code InvocationsPerCopy} of 0, so that a period without traffic reads 0 rather than missing (a target-tracking
     * low alarm needs it to scale in).
     */
    public static List<MetricDatum> idle(String component, Instant at) {
        Map<String, String> dimensions = MetricDimensions.component(component);
        return List.of(
                MetricDatum.of(INVOCATIONS, dimensions, 0, at),
                MetricDatum.of(INVOCATIONS_PER_COPY, dimensions, 0, at));
    }

    private static void taken(InvocationRecord record, Map<String, String> dimensions, List<MetricDatum> out) {
        InvocationRecord.Kind kind = record.kind();
        out.add(MetricDatum.of(INVOCATIONS, dimensions, 1, record.at()));
        out.add(MetricDatum.of(
                INVOCATION_4XX_ERRORS, dimensions, kind == InvocationRecord.Kind.MODEL_ERROR_4XX ? 1 : 0, record.at()));
        out.add(MetricDatum.of(
                INVOCATION_5XX_ERRORS, dimensions, kind == InvocationRecord.Kind.MODEL_ERROR_5XX ? 1 : 0, record.at()));
        out.add(MetricDatum.of(
                INVOCATION_MODEL_ERRORS, dimensions, kind == InvocationRecord.Kind.SERVED ? 0 : 1, record.at()));
        out.add(MetricDatum.of(MODEL_LATENCY, dimensions, micros(record.modelLatency()), record.at()));
        out.add(MetricDatum.of(OVERHEAD_LATENCY, dimensions, micros(record.overheadLatency()), record.at()));
    }

    private static double micros(Duration duration) {
        return duration.toNanos() / 1_000.0;
    }
}
