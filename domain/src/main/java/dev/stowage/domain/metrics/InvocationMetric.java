package dev.stowage.domain.metrics;

/**
 * The metrics SageMaker publishes in namespace {@value #NAMESPACE} for invocations of an inference component, with
 * their CloudWatch units. Counts are published as one datapoint per request (1 or 0, so Sum counts and Average is a
 * rate); latencies in microseconds.
 */
public enum InvocationMetric {
    INVOCATIONS("Invocations", MetricUnit.COUNT),
    /** Each request adds {@code 1 / serving copies}, as {@code InvocationsPerInstance} does per instance. */
    INVOCATIONS_PER_COPY("InvocationsPerCopy", MetricUnit.COUNT),
    /**
     * Requests a copy is serving at once (queued ones included). SageMaker publishes it every 10 seconds; the
     * predefined scaling metric {@code SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution} reads it.
     */
    CONCURRENT_REQUESTS_PER_COPY("ConcurrentRequestsPerCopy", MetricUnit.COUNT),
    MODEL_LATENCY("ModelLatency", MetricUnit.MICROSECONDS),
    OVERHEAD_LATENCY("OverheadLatency", MetricUnit.MICROSECONDS),
    INVOCATION_4XX_ERRORS("Invocation4XXErrors", MetricUnit.COUNT),
    INVOCATION_5XX_ERRORS("Invocation5XXErrors", MetricUnit.COUNT),
    INVOCATION_MODEL_ERRORS("InvocationModelErrors", MetricUnit.COUNT),
    /** A request arrived while the component had no serving copy (the alarm that scales from zero watches it). */
    NO_CAPACITY_INVOCATION_FAILURES("NoCapacityInvocationFailures", MetricUnit.COUNT);

    public static final String NAMESPACE = "AWS/SageMaker";

    private final String metricName;
    private final String unit;

    InvocationMetric(String metricName, String unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    /** The CloudWatch metric name. */
    public String metricName() {
        return metricName;
    }

    /** The CloudWatch unit. */
    public String unit() {
        return unit;
    }
}
