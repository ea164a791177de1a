package dev.stowage.testing;

import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmDefinition.ComparisonOperator;
import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import dev.stowage.domain.metrics.Statistic;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alarm definitions for tests: "Sum of {@code AWS/SageMaker InvocationsPerCopy} for component {@code ic} greater than
 * 4.0 for 3 of 3 periods", with one scaling policy as its action.
 */
public final class AlarmFixtures {
    public static final Map<String, String> IC = Map.of("InferenceComponentName", "ic");
    public static final String POLICY_ARN = "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:p";

    private AlarmFixtures() {}

    public static AlarmDefinition highInvocations(String name, int periodSeconds, TreatMissingData treatment) {
        return new AlarmDefinition(
                name,
                "",
                "AWS/SageMaker",
                "InvocationsPerCopy",
                IC,
                Statistic.SUM,
                Optional.empty(),
                periodSeconds,
                3,
                3,
                4.0,
                ComparisonOperator.GreaterThanThreshold,
                treatment,
                true,
                List.of(POLICY_ARN),
                List.of(),
                List.of());
    }
}
