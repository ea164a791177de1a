package dev.stowage.domain.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.events.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code StepScalingPolicyConfiguration}: when its alarm fires, the step whose bounds (relative to the alarm's
 * threshold) hold the breach sets the adjustment. {@code Cooldown} defaults to 300 seconds; {@code
 * MetricAggregationType} to {@code Average}.
 */
public record StepScalingConfig(
        AdjustmentType adjustmentType,
        List<StepAdjustment> steps,
        Optional<Integer> minAdjustmentMagnitude,
        int cooldown,
        String metricAggregationType) {

    public StepScalingConfig {
        steps = List.copyOf(steps);
    }

    /** How a step's {@code ScalingAdjustment} changes the capacity, by the wire names. */
    public enum AdjustmentType {
        ChangeInCapacity,
        PercentChangeInCapacity,
        ExactCapacity
    }

    /** One step: the breach range {@code [lower, upper)} above, or {@code (lower, upper]} below the threshold. */
    public record StepAdjustment(Optional<Double> lower, Optional<Double> upper, int scalingAdjustment) {
        double lowerOrInfinity() {
            return lower.orElse(Double.NEGATIVE_INFINITY);
        }

        double upperOrInfinity() {
            return upper.orElse(Double.POSITIVE_INFINITY);
        }
    }

    /**
     * Reads and checks a configuration as PutScalingPolicy received it.
     *
     * @throws CommandRejected a validation error naming what is wrong
     */
    public static StepScalingConfig check(Document configuration) {
        if (configuration.text("AdjustmentType").isEmpty()) {
            throw CommandRejected.validation("AdjustmentType is required for a step scaling policy.");
        }
        StepScalingConfig config = parse(configuration);
        if (config.steps.isEmpty()) {
            throw CommandRejected.validation("At least one step adjustment is required for a step scaling policy.");
        }
        if (config.minAdjustmentMagnitude.isPresent()) {
            if (config.adjustmentType != AdjustmentType.PercentChangeInCapacity) {
                throw CommandRejected.validation(
                        "MinAdjustmentMagnitude is only allowed with AdjustmentType PercentChangeInCapacity.");
            }
            if (config.minAdjustmentMagnitude.get() < 1) {
                throw CommandRejected.validation("MinAdjustmentMagnitude must be greater than or equal to 1.");
            }
        }
        if (config.cooldown < 0) {
            throw CommandRejected.validation("Cooldown must be greater than or equal to 0.");
        }
        StepBounds.check(config.steps);
        return config;
    }

    /** Reads a configuration that was checked when it was put. */
    public static StepScalingConfig parse(Document configuration) {
        List<StepAdjustment> steps = new ArrayList<>();
        configuration.at("StepAdjustments").ifPresent(list -> list.forEach(step -> steps.add(step(step))));
        return new StepScalingConfig(
                configuration
                        .text("AdjustmentType")
                        .map(AdjustmentType::valueOf)
                        .orElse(AdjustmentType.ChangeInCapacity),
                steps,
                configuration.number("MinAdjustmentMagnitude").map(Double::intValue),
                configuration.number("Cooldown").map(Double::intValue).orElse(TargetTrackingConfig.DEFAULT_COOLDOWN),
                configuration.text("MetricAggregationType").orElse("Average"));
    }

    private static StepAdjustment step(JsonNode step) {
        return new StepAdjustment(
                bound(step, "MetricIntervalLowerBound"),
                bound(step, "MetricIntervalUpperBound"),
                step.path("ScalingAdjustment").asInt());
    }

    private static Optional<Double> bound(JsonNode step, String member) {
        JsonNode value = step.get(member);
        return value == null || !value.isNumber() ? Optional.empty() : Optional.of(value.asDouble());
    }

    /**
     * The step for a breach of {@code delta} (metric minus threshold): above the threshold a step's lower bound is
     * inclusive, below it the upper bound is.
     */
    public Optional<StepAdjustment> stepFor(double delta, boolean aboveThreshold) {
        return steps.stream()
                .filter(step -> aboveThreshold
                        ? delta >= step.lowerOrInfinity() && delta < step.upperOrInfinity()
                        : delta > step.lowerOrInfinity() && delta <= step.upperOrInfinity())
                .findFirst();
    }
}
