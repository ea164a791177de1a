package dev.stowage.domain.scaling;

import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.doc;

import dev.stowage.domain.scaling.ScalingCommand.PolicyIds;
import dev.stowage.domain.scaling.ScalingCommand.PutScalingPolicy;
import dev.stowage.domain.scaling.ScalingCommand.RegisterScalableTarget;
import dev.stowage.domain.scaling.ScalingCommand.SuspendedStateRequest;
import dev.stowage.events.Document;
import dev.stowage.events.ScalingEvent;
import dev.stowage.events.ScalingEvent.PolicyAlarm;
import dev.stowage.events.ScalingEvent.SuspendedState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Fixed constants and builders of the scaling specs. */
final class ScalingFixtures {
    static final ScalingArns ARNS = new ScalingArns("us-east-1", "123456789012");
    static final ScalableTargetKey KEY = ScalableTargetKey.ofComponent("ic");
    static final String TARGET_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String TARGET_ARN =
            "arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/" + TARGET_ID;
    static final String ROLE = "arn:aws:iam::123456789012:role/aws-service-role/"
            + "sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint";
    static final String POLICY_ID = "11111111-1111-4111-8111-111111111111";
    static final String HIGH_ID = "22222222-2222-4222-8222-222222222222";
    static final String LOW_ID = "33333333-3333-4333-8333-333333333333";
    static final PolicyIds IDS = new PolicyIds(POLICY_ID, HIGH_ID, LOW_ID);
    static final String TT = "invocations";
    static final String STEP = "from-zero";
    static final String TT_ARN = "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:" + POLICY_ID
            + ":resource/sagemaker/inference-component/ic:policyName/" + TT;
    static final String STEP_ARN = "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:" + POLICY_ID
            + ":resource/sagemaker/inference-component/ic:policyName/" + STEP;
    static final String HIGH = "TargetTracking-inference-component/ic-AlarmHigh-" + HIGH_ID;
    static final String LOW = "TargetTracking-inference-component/ic-AlarmLow-" + LOW_ID;
    static final String ALARM_ARN = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:";

    /** Target tracking on InvocationsPerCopy at 3, cooldowns 300 s. */
    static final Document INVOCATIONS = doc("{'TargetValue':3.0,'PredefinedMetricSpecification':"
            + "{'PredefinedMetricType':'SageMakerInferenceComponentInvocationsPerCopy'},"
            + "'ScaleInCooldown':300,'ScaleOutCooldown':300}");

    /** Step scaling to exactly one copy, from the scale-to-zero recipe. */
    static final Document EXACTLY_ONE = doc("{'AdjustmentType':'ExactCapacity','MetricAggregationType':'Maximum',"
            + "'Cooldown':60,'StepAdjustments':[{'MetricIntervalLowerBound':0,'ScalingAdjustment':1}]}");

    private ScalingFixtures() {}

    static RegisterScalableTarget register(Integer min, Integer max) {
        return new RegisterScalableTarget(
                KEY,
                Optional.ofNullable(min),
                Optional.ofNullable(max),
                Optional.empty(),
                SuspendedStateRequest.none(),
                true,
                TARGET_ID,
                T0);
    }

    static ScalingEvent.ScalableTargetRegistered registered(int min, int max) {
        return new ScalingEvent.ScalableTargetRegistered(
                "sagemaker",
                KEY.resourceId(),
                ScalableTargetKey.DIMENSION,
                min,
                max,
                ROLE,
                SuspendedState.none(),
                TARGET_ARN,
                T0);
    }

    static PutScalingPolicy targetTracking(Document configuration, Instant at) {
        return new PutScalingPolicy(
                KEY,
                TT,
                Optional.of("TargetTrackingScaling"),
                Optional.of(configuration),
                Optional.empty(),
                false,
                IDS,
                at);
    }

    static PutScalingPolicy step(Document configuration) {
        return new PutScalingPolicy(
                KEY, STEP, Optional.of("StepScaling"), Optional.empty(), Optional.of(configuration), false, IDS, T0);
    }

    static ScalingEvent.ScalingPolicyPut invocationsPut() {
        return new ScalingEvent.ScalingPolicyPut(
                TT,
                TT_ARN,
                "TargetTrackingScaling",
                INVOCATIONS,
                List.of(new PolicyAlarm(HIGH, ALARM_ARN + HIGH), new PolicyAlarm(LOW, ALARM_ARN + LOW)),
                T0,
                T0);
    }

    static ScalingEvent.ScalingPolicyPut exactlyOnePut() {
        return new ScalingEvent.ScalingPolicyPut(STEP, STEP_ARN, "StepScaling", EXACTLY_ONE, List.of(), T0, T0);
    }
}
