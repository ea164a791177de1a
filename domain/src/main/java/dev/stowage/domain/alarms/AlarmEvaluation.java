package dev.stowage.domain.alarms;

import java.util.List;

/**
 * The outcome of evaluating an alarm once: the state it should be in (the current one when missing data is ignored),
 * CloudWatch's reason text, and the real datapoints the decision read, oldest first ({@code recentDatapoints} of the
 * state change).
 */
public record AlarmEvaluation(AlarmState state, String reason, List<PeriodValue> evaluated) {

    public AlarmEvaluation {
        evaluated = List.copyOf(evaluated);
    }

    /** The values of {@link #evaluated}, oldest first. */
    public List<Double> recentDatapoints() {
        return evaluated.stream().map(p -> p.value().orElseThrow()).toList();
    }
}
