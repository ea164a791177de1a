package dev.stowage.domain.alarms;

import dev.stowage.domain.metrics.Statistic;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metric alarm, as {@code PutMetricAlarm} defines one: the metric (namespace, name, dimensions), the statistic
 * over each period of {@code periodSeconds}, and when it alarms ({@code datapointsToAlarm} of the last {@code
 * evaluationPeriods} periods breach {@code threshold} by {@code comparison}); {@code alarmActions} are the ARNs told
 * when it enters {@code ALARM} (for Stowage, scaling policy ARNs).
 */
public record AlarmDefinition(
        String alarmName,
        String alarmDescription,
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        Statistic statistic,
        Optional<String> unit,
        int periodSeconds,
        int evaluationPeriods,
        int datapointsToAlarm,
        double threshold,
        ComparisonOperator comparison,
        TreatMissingData treatMissingData,
        boolean actionsEnabled,
        List<String> alarmActions,
        List<String> okActions,
        List<String> insufficientDataActions) {

    public AlarmDefinition {
        dimensions = Map.copyOf(dimensions);
        alarmActions = List.copyOf(alarmActions);
        okActions = List.copyOf(okActions);
        insufficientDataActions = List.copyOf(insufficientDataActions);
    }

    /** CloudWatch's comparison operators for static thresholds. */
    public enum ComparisonOperator {
        GreaterThanOrEqualToThreshold,
        GreaterThanThreshold,
        LessThanThreshold,
        LessThanOrEqualToThreshold;

        /** Whether {@code value} breaches {@code threshold}. */
        public boolean breaches(double value, double threshold) {
            return switch (this) {
                case GreaterThanOrEqualToThreshold -> value >= threshold;
                case GreaterThanThreshold -> value > threshold;
                case LessThanThreshold -> value < threshold;
                case LessThanOrEqualToThreshold -> value <= threshold;
            };
        }
    }

    /** How periods without data count, by CloudWatch's wire names. */
    public enum TreatMissingData {
        breaching,
        notBreaching,
        ignore,
        missing
    }
}
