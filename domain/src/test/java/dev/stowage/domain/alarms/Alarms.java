package dev.stowage.domain.alarms;

import dev.stowage.domain.alarms.AlarmDefinition.ComparisonOperator;
import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import dev.stowage.domain.metrics.Statistic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alarm fixtures: a "greater than 4.0" alarm on {@code AWS/SageMaker InvocationsPerCopy} of component {@code ic}. */
final class Alarms {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final double BREACHING = 5.0;
    static final double NOT_BREACHING = 1.0;

    private Alarms() {}

    static AlarmDefinition alarm(int datapointsToAlarm, int evaluationPeriods, TreatMissingData treatment) {
        return new AlarmDefinition(
                "high",
                "",
                "AWS/SageMaker",
                "InvocationsPerCopy",
                Map.of("InferenceComponentName", "ic"),
                Statistic.SUM,
                Optional.empty(),
                60,
                evaluationPeriods,
                datapointsToAlarm,
                4.0,
                ComparisonOperator.GreaterThanThreshold,
                treatment,
                true,
                List.of("arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:p"),
                List.of(),
                List.of());
    }

    /**
     * Periods of one minute from {@link #T0}, oldest first, written as the guide writes them: {@code 0} a datapoint
     * within the threshold, {@code X} a breaching one, {@code -} a missing one; blanks are ignored.
     */
    static List<PeriodValue> periods(String pattern) {
        List<PeriodValue> out = new ArrayList<>();
        for (char c : pattern.replace(" ", "").toCharArray()) {
            Instant start = T0.plusSeconds(60L * out.size());
            out.add(
                    switch (c) {
                        case '0' -> PeriodValue.of(start, NOT_BREACHING);
                        case 'X' -> PeriodValue.of(start, BREACHING);
                        case '-' -> PeriodValue.missing(start);
                        default -> throw new IllegalArgumentException("not a datapoint: " + c);
                    });
        }
        return List.copyOf(out);
    }
}
