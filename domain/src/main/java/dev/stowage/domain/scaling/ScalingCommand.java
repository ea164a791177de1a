package dev.stowage.domain.scaling;

import dev.stowage.domain.alarms.AlarmDefinition.ComparisonOperator;
import dev.stowage.events.Document;
import dev.stowage.events.ScalingEvent.SuspendedState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the Application Auto Scaling API (and the scaling reactor) asks of a scalable target. Facts from other
 * streams (whether the inference component exists, its desired copy count) and fresh ids are looked up by the caller
 * just before deciding.
 */
public sealed interface ScalingCommand {
    ScalableTargetKey key();

    /** {@code newTargetId} names the target's ARN if this registers it for the first time. */
    record RegisterScalableTarget(
            ScalableTargetKey key,
            Optional<Integer> minCapacity,
            Optional<Integer> maxCapacity,
            Optional<String> roleArn,
            SuspendedStateRequest suspendedState,
            boolean componentExists,
            String newTargetId,
            Instant at)
            implements ScalingCommand {}

    record DeregisterScalableTarget(ScalableTargetKey key, Instant at) implements ScalingCommand {}

    /** {@code ids} are fresh ids for the policy's ARN (kept when it replaces one) and its alarms. */
    record PutScalingPolicy(
            ScalableTargetKey key,
            String policyName,
            Optional<String> policyType,
            Optional<Document> targetTracking,
            Optional<Document> stepScaling,
            boolean predictiveGiven,
            PolicyIds ids,
            Instant at)
            implements ScalingCommand {}

    record DeleteScalingPolicy(ScalableTargetKey key, String policyName, Instant at) implements ScalingCommand {}

    /**
     * An alarm in {@code ALARM} runs the policy {@code policyArn} names, with the component's desired copy count at
     * {@code currentCapacity}. {@code recordNotScaled} records an activity that did not scale (for a fresh state
     * change; the periodic re-evaluation of an alarm that stays in {@code ALARM} records none).
     */
    record RunPolicy(
            ScalableTargetKey key,
            String policyName,
            String policyArn,
            AlarmTrigger trigger,
            int currentCapacity,
            boolean recordNotScaled,
            String activityId,
            Instant at)
            implements ScalingCommand {}

    /**
     * A request is waiting for the component, which has no copy (Stowage, beyond the service): scale out from zero
     * now rather than when an alarm fires.
     */
    record ScaleFromZero(ScalableTargetKey key, int currentCapacity, String activityId, Instant at)
            implements ScalingCommand {}

    /**
     * The target's minimum or maximum was just set (RegisterScalableTarget): a desired copy count of {@code
     * currentCapacity} outside them is brought inside, as the service does.
     */
    record ApplyBounds(ScalableTargetKey key, int currentCapacity, String activityId, Instant at)
            implements ScalingCommand {}

    /** The desired copy count of an in-progress activity was set (or refused). */
    record CompleteActivity(
            ScalableTargetKey key, String activityId, String statusCode, String statusMessage, Instant at)
            implements ScalingCommand {}

    /** Fresh ids: the policy's (used only for a new policy) and one for each alarm it may create. */
    record PolicyIds(String policyId, String highAlarmId, String lowAlarmId) {}

    /** The alarm that fired: its name, how it compares, its threshold and the datapoints it evaluated. */
    record AlarmTrigger(String alarmName, ComparisonOperator comparison, double threshold, List<Double> datapoints) {
        public AlarmTrigger {
            datapoints = List.copyOf(datapoints);
        }

        /** Whether the alarm fires above its threshold (a scale-out alarm) rather than below it. */
        public boolean above() {
            return comparison == ComparisonOperator.GreaterThanThreshold
                    || comparison == ComparisonOperator.GreaterThanOrEqualToThreshold;
        }
    }

    /** A request's {@code SuspendedState}: each flag given or left as it is. */
    record SuspendedStateRequest(
            Optional<Boolean> dynamicScalingInSuspended,
            Optional<Boolean> dynamicScalingOutSuspended,
            Optional<Boolean> scheduledScalingSuspended) {

        public static SuspendedStateRequest none() {
            return new SuspendedStateRequest(Optional.empty(), Optional.empty(), Optional.empty());
        }

        SuspendedState applyTo(SuspendedState current) {
            return new SuspendedState(
                    dynamicScalingInSuspended.orElse(current.dynamicScalingInSuspended()),
                    dynamicScalingOutSuspended.orElse(current.dynamicScalingOutSuspended()),
                    scheduledScalingSuspended.orElse(current.scheduledScalingSuspended()));
        }
    }
}
