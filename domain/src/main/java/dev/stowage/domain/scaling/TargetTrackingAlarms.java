package dev.stowage.domain.scaling;

import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmDefinition.ComparisonOperator;
import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import dev.stowage.domain.metrics.Statistic;
import dev.stowage.events.ScalingEvent.PolicyAlarm;
import java.util.ArrayList;
import java.util.List;

/**
 * The alarms a target-tracking policy creates, as Application Auto Scaling creates them: <b>high</b>, the metric
 * above the target for 3 of 3 periods (it scales out); <b>low</b>, below 90 % of the target for 15 of 15 periods
 * (it scales in; none when {@code DisableScaleIn}). Periods are 60 s, or 10 s for the high-resolution {@code
 * ConcurrentRequestsPerCopy} (so the low alarm counts 90 of them). Names are {@code
 * TargetTracking-<resource id>-AlarmHigh-<uuid>} and {@code ...-AlarmLow-<uuid>}; the action is the policy's ARN.
 */
public final class TargetTrackingAlarms {
    private static final int HIGH_PERIODS = 3;
    private static final int LOW_PERIODS = 15;
    private static final double LOW_SHARE = 0.9;

    private TargetTrackingAlarms() {}

    /** The names and ARNs of the alarms for a policy, from the ids minted for them. */
    public static List<PolicyAlarm> named(
            ScalableTargetKey key, TargetTrackingConfig config, String highId, String lowId, ScalingArns arns) {
        List<PolicyAlarm> alarms = new ArrayList<>();
        String high = "TargetTracking-" + key.resourceId() + ScalingPolicy.HIGH + highId;
        alarms.add(new PolicyAlarm(high, arns.alarm(high)));
        if (!config.disableScaleIn()) {
            String low = "TargetTracking-" + key.resourceId() + ScalingPolicy.LOW + lowId;
            alarms.add(new PolicyAlarm(low, arns.alarm(low)));
        }
        return List.copyOf(alarms);
    }

    /** The definitions of a target-tracking policy's alarms, for the inference component {@code component}. */
    public static List<AlarmDefinition> of(ScalingPolicy policy, String component) {
        TargetTrackingConfig config = TargetTrackingConfig.parse(policy.configuration(), component);
        int period = config.highResolution() ? 10 : 60;
        int scale = 60 / period;
        return policy.alarms().stream()
                .map(alarm -> {
                    boolean high = alarm.alarmName().contains(ScalingPolicy.HIGH);
                    int periods = high ? HIGH_PERIODS : LOW_PERIODS * scale;
                    return new AlarmDefinition(
                            alarm.alarmName(),
                            "DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + policy.policyArn() + ".",
                            config.metric().namespace(),
                            config.metric().metricName(),
                            config.metric().dimensions(),
                            Statistic.parse(config.metric().statistic()),
                            config.metric().unit(),
                            period,
                            periods,
                            periods,
                            high ? config.targetValue() : config.targetValue() * LOW_SHARE,
                            high ? ComparisonOperator.GreaterThanThreshold : ComparisonOperator.LessThanThreshold,
                            TreatMissingData.missing,
                            true,
                            List.of(policy.policyArn()),
                            List.of(),
                            List.of());
                })
                .toList();
    }
}
