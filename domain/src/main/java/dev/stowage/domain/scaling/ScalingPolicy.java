package dev.stowage.domain.scaling;

import dev.stowage.events.Document;
import dev.stowage.events.ScalingEvent.PolicyAlarm;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A scaling policy as PutScalingPolicy stored it: {@code configuration} is the request's configuration for its type,
 * as given; {@code alarms} are the alarms it owns (target tracking only).
 */
public record ScalingPolicy(
        String policyName,
        String policyArn,
        PolicyType policyType,
        Document configuration,
        List<PolicyAlarm> alarms,
        Instant creationTime) {
    public static final String HIGH = "-AlarmHigh-";
    public static final String LOW = "-AlarmLow-";

    public ScalingPolicy {
        alarms = List.copyOf(alarms);
    }

    /** The target-tracking configuration; only for {@link PolicyType#TargetTrackingScaling}. */
    public TargetTrackingConfig targetTracking() {
        return TargetTrackingConfig.parse(configuration);
    }

    /** The step scaling configuration; only for {@link PolicyType#StepScaling}. */
    public StepScalingConfig stepScaling() {
        return StepScalingConfig.parse(configuration);
    }

    /** The high alarm of a target-tracking policy (which scales out), by its name. */
    public Optional<PolicyAlarm> highAlarm() {
        return alarms.stream().filter(a -> a.alarmName().contains(HIGH)).findFirst();
    }

    /** The cooldown after a scale-out this policy made. */
    public int scaleOutCooldownSeconds() {
        return switch (policyType) {
            case TargetTrackingScaling -> targetTracking().scaleOutCooldown();
            case StepScaling -> stepScaling().cooldown();
        };
    }

    /** The cooldown after a scale-in this policy made. */
    public int scaleInCooldownSeconds() {
        return switch (policyType) {
            case TargetTrackingScaling -> targetTracking().scaleInCooldown();
            case StepScaling -> stepScaling().cooldown();
        };
    }
}
