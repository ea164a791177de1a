package dev.stowage.domain.scaling;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.scaling.ScalingCommand.PutScalingPolicy;
import dev.stowage.events.Document;
import dev.stowage.events.ScalingEvent;
import dev.stowage.events.ScalingEvent.PolicyAlarm;
import java.util.List;
import java.util.Optional;

/**
 * PutScalingPolicy's rules: the type (given, or the replaced policy's, or {@code StepScaling}), the configuration
 * that type needs and nothing of another type, the policy quota. A policy keeps its ARN and creation time when
 * replaced; a target-tracking policy gets new alarms each time it changes.
 */
final class PolicyRules {
    private static final String TARGET_TRACKING = "TargetTrackingScalingPolicyConfiguration";
    private static final String STEP = "StepScalingPolicyConfiguration";

    private PolicyRules() {}

    static List<ScalingEvent> put(PutScalingPolicy command, Registered state, ScalingArns arns) {
        String component = command.key().requireComponent();
        Optional<ScalingPolicy> existing = state.policy(command.policyName());
        PolicyType type = type(command, existing);
        Document configuration =
                switch (type) {
                    case TargetTrackingScaling -> configuration(command.targetTracking(), command.stepScaling(), type);
                    case StepScaling -> configuration(command.stepScaling(), command.targetTracking(), type);
                };
        List<PolicyAlarm> alarms = List.of();
        if (type == PolicyType.TargetTrackingScaling) {
            TargetTrackingConfig config = TargetTrackingConfig.check(configuration, component);
            alarms = TargetTrackingAlarms.named(
                    command.key(),
                    config,
                    command.ids().highAlarmId(),
                    command.ids().lowAlarmId(),
                    arns);
        } else {
            StepScalingConfig.check(configuration);
        }
        if (existing.isPresent()
                && existing.get().policyType() == type
                && existing.get().configuration().equals(configuration)) {
            return List.of();
        }
        if (existing.isEmpty() && state.policies().size() >= ScalableTargetDecider.MAX_POLICIES) {
            throw CommandRejected.limitExceeded("You have reached the maximum number of scaling policies ("
                    + ScalableTargetDecider.MAX_POLICIES + ") for the scalable target "
                    + command.key().resourceId()
                    + ".");
        }
        String arn = existing.map(ScalingPolicy::policyArn)
                .orElseGet(() -> arns.policy(command.ids().policyId(), command.key(), command.policyName()));
        return List.of(new ScalingEvent.ScalingPolicyPut(
                command.policyName(),
                arn,
                type.name(),
                configuration,
                alarms,
                existing.map(ScalingPolicy::creationTime).orElse(command.at()),
                command.at()));
    }

    private static PolicyType type(PutScalingPolicy command, Optional<ScalingPolicy> existing) {
        if (command.predictiveGiven()
                || command.policyType().filter("PredictiveScaling"::equals).isPresent()) {
            throw CommandRejected.validation("PredictiveScaling is not supported for service namespace "
                    + command.key().serviceNamespace() + ", resource type inference-component.");
        }
        return command.policyType()
                .map(PolicyType::valueOf)
                .or(() -> existing.map(ScalingPolicy::policyType))
                .orElse(PolicyType.StepScaling);
    }

    private static Document configuration(Optional<Document> wanted, Optional<Document> other, PolicyType type) {
        String wantedName = type == PolicyType.TargetTrackingScaling ? TARGET_TRACKING : STEP;
        String otherName = type == PolicyType.TargetTrackingScaling ? STEP : TARGET_TRACKING;
        if (other.isPresent()) {
            throw CommandRejected.validation(
                    otherName + " cannot be specified for a policy of type " + type.name() + ".");
        }
        return wanted.orElseThrow(() ->
                CommandRejected.validation(wantedName + " is required for a policy of type " + type.name() + "."));
    }

    /** The policy a put event describes. */
    static ScalingPolicy policyOf(ScalingEvent.ScalingPolicyPut put) {
        return new ScalingPolicy(
                put.policyName(),
                put.policyArn(),
                PolicyType.valueOf(put.policyType()),
                put.configuration(),
                put.alarms(),
                put.createdAt());
    }
}
