package dev.stowage.domain.scaling;

import dev.stowage.domain.scaling.ScalingCommand.AlarmTrigger;
import dev.stowage.domain.scaling.StepScalingConfig.StepAdjustment;
import java.util.Locale;
import java.util.Optional;

/**
 * The capacity a policy asks for when its alarm fires, from a base capacity, before bounds and cooldowns: target
 * tracking {@code ceil(base × metric ÷ target)} with the latest datapoint as the metric (its high alarm only scales
 * out, its low alarm only in); step scaling the adjustment of the step that holds the breach. {@code how} says how
 * the number came about, for the activity's details.
 */
record Proposal(int capacity, String how) {

    static Optional<Proposal> of(ScalingPolicy policy, AlarmTrigger trigger, int base) {
        return switch (policy.policyType()) {
            case TargetTrackingScaling -> targetTracking(policy, trigger, base);
            case StepScaling -> step(policy.stepScaling(), trigger, base);
        };
    }

    private static Optional<Proposal> targetTracking(ScalingPolicy policy, AlarmTrigger trigger, int base) {
        if (trigger.datapoints().isEmpty()) {
            return Optional.empty();
        }
        TargetTrackingConfig config = policy.targetTracking();
        double metric = trigger.datapoints().getLast();
        // A hair below the next integer is that integer: 3 × 0.7 / 0.7 must not become 4.
        int desired = (int) Math.ceil(base * metric / config.targetValue() - 1e-9);
        boolean high = trigger.alarmName().contains(ScalingPolicy.HIGH);
        if (high ? desired <= base : desired >= base) {
            return Optional.empty();
        }
        return Optional.of(new Proposal(
                Math.max(0, desired),
                "ceil(" + base + " × " + number(metric) + " ÷ " + number(config.targetValue()) + ") = " + desired));
    }

    private static Optional<Proposal> step(StepScalingConfig config, AlarmTrigger trigger, int base) {
        double value = aggregate(config.metricAggregationType(), trigger);
        double delta = value - trigger.threshold();
        return config.stepFor(delta, trigger.above()).map(step -> {
            int desired = adjusted(config, step, base);
            return new Proposal(
                    Math.max(0, desired),
                    config.adjustmentType() + " " + step.scalingAdjustment() + " from " + base + " for a breach of "
                            + number(delta) + " = " + desired);
        });
    }

    private static int adjusted(StepScalingConfig config, StepAdjustment step, int base) {
        int adjustment = step.scalingAdjustment();
        return switch (config.adjustmentType()) {
            case ExactCapacity -> adjustment;
            case ChangeInCapacity -> base + adjustment;
            case PercentChangeInCapacity -> base + percent(base, adjustment, config.minAdjustmentMagnitude());
        };
    }

    /**
     * A percentage of {@code base}, as the service rounds it: toward zero, but at least 1 in size when not zero;
     * then at least {@code MinAdjustmentMagnitude} in size.
     */
    static int percent(int base, int adjustment, Optional<Integer> minMagnitude) {
        double exact = base * adjustment / 100.0;
        int change = (int) exact;
        if (change == 0 && exact != 0) {
            change = exact > 0 ? 1 : -1;
        }
        if (adjustment != 0 && minMagnitude.isPresent() && Math.abs(change) < minMagnitude.get()) {
            change = adjustment > 0 ? minMagnitude.get() : -minMagnitude.get();
        }
        return change;
    }

    private static double aggregate(String aggregation, AlarmTrigger trigger) {
        if (trigger.datapoints().isEmpty()) {
            return trigger.threshold();
        }
        var stats = trigger.datapoints().stream().mapToDouble(Double::doubleValue);
        return switch (aggregation) {
            case "Minimum" -> stats.min().orElse(trigger.threshold());
            case "Maximum" -> stats.max().orElse(trigger.threshold());
            default -> stats.average().orElse(trigger.threshold());
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.4g", value);
    }

    /** Whether the proposal raises {@code current} (a scale-out) rather than lowering or keeping it. */
    boolean raises(int current) {
        return capacity > current;
    }
}
