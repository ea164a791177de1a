package dev.stowage.events;

import java.time.Instant;
import java.util.List;

/**
 * Facts on a {@code scalable-target/<resource id>} stream (for Stowage the resource id is {@code
 * inference-component/<name>}): the Application Auto Scaling registration of one scalable dimension, its scaling
 * policies and the scaling activities run on it.
 */
public sealed interface ScalingEvent extends Event {

    /** The {@code SuspendedState} of a scalable target; every flag false when none was given. */
    record SuspendedState(
            boolean dynamicScalingInSuspended, boolean dynamicScalingOutSuspended, boolean scheduledScalingSuspended) {

        public static SuspendedState none() {
            return new SuspendedState(false, false, false);
        }
    }

    /** A CloudWatch alarm a target-tracking policy created and owns. */
    record PolicyAlarm(String alarmName, String alarmArn) {}

    /** Why an activity did not scale, by the service's codes ({@code AlreadyAtMaxCapacity}, …). */
    record NotScaledReason(String code, int minCapacity, int maxCapacity, int currentCapacity) {}

    /**
     * RegisterScalableTarget registered the dimension. {@code roleArn} is the service-linked role when the request
     * named none; {@code scalableTargetArn} is minted once and kept across updates.
     */
    record ScalableTargetRegistered(
            String serviceNamespace,
            String resourceId,
            String scalableDimension,
            int minCapacity,
            int maxCapacity,
            String roleArn,
            SuspendedState suspendedState,
            String scalableTargetArn,
            Instant at)
            implements ScalingEvent {}

    /** RegisterScalableTarget on a registered target changed its bounds, role or suspended state. */
    record ScalableTargetUpdated(
            int minCapacity, int maxCapacity, String roleArn, SuspendedState suspendedState, Instant at)
            implements ScalingEvent {}

    /** DeregisterScalableTarget: the target and every policy on it are gone (their alarms are deleted). */
    record ScalableTargetDeregistered(Instant at) implements ScalingEvent {}

    /**
     * PutScalingPolicy created or replaced the policy {@code policyName}. {@code configuration} is the request's
     * {@code TargetTrackingScalingPolicyConfiguration} or {@code StepScalingPolicyConfiguration} as given; {@code
     * alarms} are the alarms the policy owns (target tracking's high and low alarms; none for step scaling).
     */
    record ScalingPolicyPut(
            String policyName,
            String policyArn,
            String policyType,
            Document configuration,
            List<PolicyAlarm> alarms,
            Instant createdAt,
            Instant at)
            implements ScalingEvent {
        public ScalingPolicyPut {
            alarms = List.copyOf(alarms);
        }
    }

    /** DeleteScalingPolicy removed the policy; its alarms are deleted. */
    record ScalingPolicyDeleted(String policyName, Instant at) implements ScalingEvent {}

    /**
     * A scaling activity started: an alarm ran {@code policyName}, which asks for {@code toCapacity} from {@code
     * fromCapacity}. {@code statusCode} is {@code InProgress} for an activity that sets the capacity (a {@link
     * ScalingActivityCompleted} follows), or {@code Failed} with {@code notScaledReasons} for one that did not scale.
     * {@code description}, {@code cause} and {@code statusMessage} are the texts DescribeScalingActivities shows.
     */
    record ScalingActivityRecorded(
            String activityId,
            String policyName,
            String description,
            String cause,
            String statusCode,
            String statusMessage,
            String details,
            int fromCapacity,
            int toCapacity,
            List<NotScaledReason> notScaledReasons,
            Instant startTime)
            implements ScalingEvent {
        public ScalingActivityRecorded {
            notScaledReasons = List.copyOf(notScaledReasons);
        }
    }

    /** The activity {@code activityId} ended: {@code Successful} or {@code Failed}, with the service's message. */
    record ScalingActivityCompleted(String activityId, String statusCode, String statusMessage, Instant endTime)
            implements ScalingEvent {}
}
