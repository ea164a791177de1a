package dev.stowage.domain.scaling;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.scaling.StepScalingConfig.StepAdjustment;
import java.util.Comparator;
import java.util.List;

/**
 * The service's rules for step adjustments: each step's lower bound is below its upper bound and not both are
 * null; at most one step has a null lower bound (negative infinity) and at most one a null upper bound (positive
 * infinity); ordered by lower bound, the steps neither overlap nor leave a gap; a negative lower bound needs a step
 * reaching negative infinity and a positive upper bound one reaching positive infinity.
 */
final class StepBounds {
    private StepBounds() {}

    static void check(List<StepAdjustment> steps) {
        for (StepAdjustment step : steps) {
            if (step.lower().isEmpty() && step.upper().isEmpty()) {
                throw invalid("A step adjustment cannot have both a null lower bound and a null upper bound.");
            }
            if (step.lowerOrInfinity() >= step.upperOrInfinity()) {
                throw invalid("The upper bound of a step adjustment must be greater than its lower bound.");
            }
        }
        if (steps.stream().filter(s -> s.lower().isEmpty()).count() > 1) {
            throw invalid("Only one step adjustment can have a null lower bound.");
        }
        if (steps.stream().filter(s -> s.upper().isEmpty()).count() > 1) {
            throw invalid("Only one step adjustment can have a null upper bound.");
        }
        List<StepAdjustment> ordered = steps.stream()
                .sorted(Comparator.comparingDouble(StepAdjustment::lowerOrInfinity))
                .toList();
        for (int i = 1; i < ordered.size(); i++) {
            double previousUpper = ordered.get(i - 1).upperOrInfinity();
            double lower = ordered.get(i).lowerOrInfinity();
            if (previousUpper > lower) {
                throw invalid("Step adjustments cannot overlap.");
            }
            if (previousUpper < lower) {
                throw invalid("Step adjustments cannot have gaps between them.");
            }
        }
        if (ordered.getFirst().lowerOrInfinity() < 0
                && ordered.getFirst().lower().isPresent()) {
            throw invalid("A step adjustment with a negative lower bound needs a step adjustment with a null lower"
                    + " bound.");
        }
        if (ordered.getLast().upperOrInfinity() > 0 && ordered.getLast().upper().isPresent()) {
            throw invalid("A step adjustment with a positive upper bound needs a step adjustment with a null upper"
                    + " bound.");
        }
    }

    private static CommandRejected invalid(String message) {
        return CommandRejected.validation(message);
    }
}
