package dev.stowage.domain.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.events.Document;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code TargetTrackingScalingPolicyConfiguration}: keep {@link #metric()} at {@code targetValue}. Cooldowns default
 * to 300 seconds, as the service gives SageMaker targets.
 */
public record TargetTrackingConfig(
        double targetValue, TrackedMetric metric, int scaleOutCooldown, int scaleInCooldown, boolean disableScaleIn) {
    public static final int DEFAULT_COOLDOWN = 300;
    public static final String INVOCATIONS_PER_COPY = "SageMakerInferenceComponentInvocationsPerCopy";
    public static final String CONCURRENT_REQUESTS_PER_COPY =
            "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution";
    private static final double MIN_TARGET = 8.515920e-109;
    private static final double MAX_TARGET = 1.174271e+108;

    /** The metric a policy tracks: a predefined type, or a customized metric as given. */
    public record TrackedMetric(
            Optional<String> predefinedType,
            String namespace,
            String metricName,
            Map<String, String> dimensions,
            String statistic,
            Optional<String> unit) {
        public TrackedMetric {
            dimensions = Map.copyOf(dimensions);
        }
    }

    /**
     * Reads and checks a configuration as PutScalingPolicy received it, for the inference component {@code
     * component}.
     *
     * @throws CommandRejected a validation error naming what is wrong
     */
    public static TargetTrackingConfig check(Document configuration, String component) {
        double target = configuration.number("TargetValue").orElse(0.0);
        if (target < MIN_TARGET || target > MAX_TARGET) {
            throw CommandRejected.validation("TargetValue must be between 8.515920e-109 and 1.174271e+108.");
        }
        boolean predefined = configuration.has("PredefinedMetricSpecification");
        boolean customized = configuration.has("CustomizedMetricSpecification");
        if (predefined == customized) {
            throw CommandRejected.validation("TargetTrackingScalingPolicyConfiguration must specify exactly one of"
                    + " PredefinedMetricSpecification or CustomizedMetricSpecification.");
        }
        configuration
                .text("PredefinedMetricSpecification", "PredefinedMetricType")
                .ifPresent(type -> {
                    if (!type.equals(INVOCATIONS_PER_COPY) && !type.equals(CONCURRENT_REQUESTS_PER_COPY)) {
                        throw CommandRejected.validation("Unsupported predefined metric type " + type
                                + " for scalable dimension " + ScalableTargetKey.DIMENSION + ".");
                    }
                });
        if (customized) {
            checkCustomized(configuration);
        }
        for (String cooldown : new String[] {"ScaleOutCooldown", "ScaleInCooldown"}) {
            if (configuration.number(cooldown).orElse(0.0) < 0) {
                throw CommandRejected.validation(cooldown + " must be greater than or equal to 0.");
            }
        }
        return parse(configuration, component);
    }

    private static void checkCustomized(Document configuration) {
        if (configuration.has("CustomizedMetricSpecification", "Metrics")) {
            throw CommandRejected.validation(
                    "Metric math in CustomizedMetricSpecification.Metrics is not supported; name one metric.");
        }
        for (String member : new String[] {"MetricName", "Namespace", "Statistic"}) {
            if (!configuration.has("CustomizedMetricSpecification", member)) {
                throw CommandRejected.validation("CustomizedMetricSpecification." + member + " is required.");
            }
        }
    }

    /** Reads a configuration that was checked when it was put. */
    public static TargetTrackingConfig parse(Document configuration, String component) {
        return new TargetTrackingConfig(
                configuration.number("TargetValue").orElse(1.0),
                metric(configuration, component),
                cooldown(configuration, "ScaleOutCooldown"),
                cooldown(configuration, "ScaleInCooldown"),
                configuration.at("DisableScaleIn").map(JsonNode::asBoolean).orElse(false));
    }

    /** Reads a configuration that was checked, when only cooldowns and the scale-in flag matter. */
    static TargetTrackingConfig parse(Document configuration) {
        return parse(configuration, "");
    }

    private static TrackedMetric metric(Document configuration, String component) {
        Optional<String> predefined = configuration.text("PredefinedMetricSpecification", "PredefinedMetricType");
        if (predefined.isPresent()) {
            boolean highResolution = predefined.get().equals(CONCURRENT_REQUESTS_PER_COPY);
            return new TrackedMetric(
                    predefined,
                    "AWS/SageMaker",
                    highResolution ? "ConcurrentRequestsPerCopy" : "InvocationsPerCopy",
                    Map.of("InferenceComponentName", component),
                    highResolution ? "Maximum" : "Sum",
                    Optional.empty());
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        configuration
                .at("CustomizedMetricSpecification", "Dimensions")
                .ifPresent(list -> list.forEach(d ->
                        dimensions.put(d.path("Name").asText(), d.path("Value").asText())));
        return new TrackedMetric(
                Optional.empty(),
                configuration.text("CustomizedMetricSpecification", "Namespace").orElse(""),
                configuration
                        .text("CustomizedMetricSpecification", "MetricName")
                        .orElse(""),
                dimensions,
                configuration.text("CustomizedMetricSpecification", "Statistic").orElse("Average"),
                configuration.text("CustomizedMetricSpecification", "Unit"));
    }

    private static int cooldown(Document configuration, String member) {
        return configuration.number(member).map(Double::intValue).orElse(DEFAULT_COOLDOWN);
    }

    /** Whether the metric is the 10-second one (its alarms count 10-second periods). */
    public boolean highResolution() {
        return metric.predefinedType()
                .filter(CONCURRENT_REQUESTS_PER_COPY::equals)
                .isPresent();
    }
}
