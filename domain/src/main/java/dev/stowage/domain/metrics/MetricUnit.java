package dev.stowage.domain.metrics;

/** The CloudWatch units the inference component metrics use. */
public final class MetricUnit {
    public static final String COUNT = "Count";
    public static final String MICROSECONDS = "Microseconds";

    private MetricUnit() {}
}
