package dev.stowage.domain.scaling;

import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.T1;
import static dev.stowage.domain.Fixtures.doc;
import static dev.stowage.domain.scaling.ScalingFixtures.ALARM_ARN;
import static dev.stowage.domain.scaling.ScalingFixtures.ARNS;
import static dev.stowage.domain.scaling.ScalingFixtures.EXACTLY_ONE;
import static dev.stowage.domain.scaling.ScalingFixtures.HIGH;
import static dev.stowage.domain.scaling.ScalingFixtures.IDS;
import static dev.stowage.domain.scaling.ScalingFixtures.INVOCATIONS;
import static dev.stowage.domain.scaling.ScalingFixtures.KEY;
import static dev.stowage.domain.scaling.ScalingFixtures.ROLE;
import static dev.stowage.domain.scaling.ScalingFixtures.TARGET_ID;
import static dev.stowage.domain.scaling.ScalingFixtures.TT;
import static dev.stowage.domain.scaling.ScalingFixtures.TT_ARN;
import static dev.stowage.domain.scaling.ScalingFixtures.exactlyOnePut;
import static dev.stowage.domain.scaling.ScalingFixtures.invocationsPut;
import static dev.stowage.domain.scaling.ScalingFixtures.register;
import static dev.stowage.domain.scaling.ScalingFixtures.registered;
import static dev.stowage.domain.scaling.ScalingFixtures.step;
import static dev.stowage.domain.scaling.ScalingFixtures.targetTracking;

import dev.stowage.domain.CommandRejected.Kind;
import dev.stowage.domain.DeciderSpec;
import dev.stowage.domain.scaling.ScalingCommand.DeleteScalingPolicy;
import dev.stowage.domain.scaling.ScalingCommand.DeregisterScalableTarget;
import dev.stowage.domain.scaling.ScalingCommand.PutScalingPolicy;
import dev.stowage.domain.scaling.ScalingCommand.RegisterScalableTarget;
import dev.stowage.domain.scaling.ScalingCommand.SuspendedStateRequest;
import dev.stowage.events.Document;
import dev.stowage.events.ScalingEvent;
import dev.stowage.events.ScalingEvent.PolicyAlarm;
import dev.stowage.events.ScalingEvent.SuspendedState;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ScalableTargetDeciderTest {
    private static final String NOT_REGISTERED = "No scalable target registered for service namespace: sagemaker,"
            + " resource ID: inference-component/ic, scalable dimension: sagemaker:inference-component:DesiredCopyCount";

    private final DeciderSpec<ScalingCommand, ScalableTargetState, ScalingEvent> spec =
            DeciderSpec.of(new ScalableTargetDecider(ARNS, 1.0));

    @Test
    void registers_with_the_service_linked_role_when_none_is_given() {
        spec.given().when(register(1, 4)).then(registered(1, 4));
    }

    @Test
    void registers_down_to_zero_copies() {
        spec.given().when(register(0, 4)).then(registered(0, 4));
    }

    @Test
    void registering_again_updates_only_what_changed() {
        spec.given(registered(1, 4)).when(register(1, 4)).thenNothing();
        spec.given(registered(1, 4)).when(register(null, 8)).then(update(1, 8, SuspendedState.none()));
        spec.given(registered(1, 4))
                .when(new RegisterScalableTarget(
                        KEY,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        new SuspendedStateRequest(Optional.of(true), Optional.empty(), Optional.empty()),
                        true,
                        TARGET_ID,
                        T1))
                .then(update(1, 4, new SuspendedState(true, false, false)));
    }

    @Test
    void refuses_bounds_the_service_refuses() {
        spec.given().when(register(5, 4)).thenRejected("Minimum capacity cannot be greater than maximum capacity");
        spec.given(registered(1, 4))
                .when(register(null, 0))
                .thenRejected("Minimum capacity cannot be greater than maximum capacity");
        spec.given().when(register(-1, 4)).thenRejected("MinCapacity must be greater than or equal to 0.");
        spec.given()
                .when(register(1, null))
                .thenRejected("MinCapacity and MaxCapacity are required to register a new scalable target.");
    }

    @Test
    void the_component_must_exist_and_be_of_the_kind_stowage_scales() {
        spec.given()
                .when(new RegisterScalableTarget(
                        KEY,
                        Optional.of(1),
                        Optional.of(4),
                        Optional.empty(),
                        SuspendedStateRequest.none(),
                        false,
                        TARGET_ID,
                        T0))
                .thenRejected("Could not find inference component \"ic\".");
        spec.given()
                .when(new RegisterScalableTarget(
                        new ScalableTargetKey("sagemaker", "endpoint/e/variant/v", ScalableTargetKey.DIMENSION),
                        Optional.of(1),
                        Optional.of(4),
                        Optional.empty(),
                        SuspendedStateRequest.none(),
                        true,
                        TARGET_ID,
                        T0))
                .thenRejected("Unsupported service namespace, resource type or scalable dimension");
    }

    @Test
    void a_policy_needs_a_registered_target() {
        spec.given().when(targetTracking(INVOCATIONS, T0)).thenRejected(Kind.NOT_FOUND, NOT_REGISTERED);
        spec.given(registered(1, 4), new ScalingEvent.ScalableTargetDeregistered(T1))
                .when(targetTracking(INVOCATIONS, T1))
                .thenRejected(Kind.NOT_FOUND, NOT_REGISTERED);
    }

    @Test
    void target_tracking_creates_a_high_and_a_low_alarm() {
        spec.given(registered(1, 4)).when(targetTracking(INVOCATIONS, T0)).then(invocationsPut());
    }

    @Test
    void disabling_scale_in_leaves_out_the_low_alarm() {
        Document noScaleIn =
                INVOCATIONS.with("DisableScaleIn", Document.empty().toJson().booleanNode(true));
        spec.given(registered(1, 4))
                .when(targetTracking(noScaleIn, T0))
                .then(new ScalingEvent.ScalingPolicyPut(
                        TT,
                        TT_ARN,
                        "TargetTrackingScaling",
                        noScaleIn,
                        List.of(new PolicyAlarm(HIGH, ALARM_ARN + HIGH)),
                        T0,
                        T0));
    }

    @Test
    void replacing_a_policy_keeps_its_arn_and_creation_time_and_renames_its_alarms() {
        Document higher =
                INVOCATIONS.with("TargetValue", Document.empty().toJson().numberNode(5.0));
        var otherIds = new ScalingCommand.PolicyIds("44444444-4444-4444-8444-444444444444", "high2", "low2");
        String high = "TargetTracking-inference-component/ic-AlarmHigh-high2";
        String low = "TargetTracking-inference-component/ic-AlarmLow-low2";
        spec.given(registered(1, 4), invocationsPut())
                .when(new PutScalingPolicy(
                        KEY, TT, Optional.empty(), Optional.of(higher), Optional.empty(), false, otherIds, T1))
                .then(new ScalingEvent.ScalingPolicyPut(
                        TT,
                        TT_ARN,
                        "TargetTrackingScaling",
                        higher,
                        List.of(new PolicyAlarm(high, ALARM_ARN + high), new PolicyAlarm(low, ALARM_ARN + low)),
                        T0,
                        T1));
        spec.given(registered(1, 4), invocationsPut())
                .when(targetTracking(INVOCATIONS, T1))
                .thenNothing();
    }

    @Test
    void step_scaling_keeps_its_configuration_and_has_no_alarm() {
        spec.given(registered(0, 4)).when(step(EXACTLY_ONE)).then(exactlyOnePut());
    }

    @Test
    void a_policy_gets_the_configuration_of_its_type_only() {
        spec.given(registered(1, 4))
                .when(new PutScalingPolicy(
                        KEY,
                        TT,
                        Optional.of("TargetTrackingScaling"),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        IDS,
                        T0))
                .thenRejected(
                        "TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling.");
        spec.given(registered(1, 4))
                .when(new PutScalingPolicy(
                        KEY,
                        TT,
                        Optional.of("StepScaling"),
                        Optional.of(INVOCATIONS),
                        Optional.of(EXACTLY_ONE),
                        false,
                        IDS,
                        T0))
                .thenRejected(
                        "TargetTrackingScalingPolicyConfiguration cannot be specified for a policy of type StepScaling.");
        spec.given(registered(1, 4))
                .when(new PutScalingPolicy(
                        KEY, TT, Optional.of("PredictiveScaling"), Optional.empty(), Optional.empty(), true, IDS, T0))
                .thenRejected(
                        "PredictiveScaling is not supported for service namespace sagemaker, resource type inference-component.");
    }

    @Test
    void target_tracking_tracks_an_inference_component_metric() {
        spec.given(registered(1, 4))
                .when(targetTracking(
                        doc("{'TargetValue':70,'PredefinedMetricSpecification':"
                                + "{'PredefinedMetricType':'SageMakerVariantInvocationsPerInstance'}}"),
                        T0))
                .thenRejected("Unsupported predefined metric type SageMakerVariantInvocationsPerInstance for"
                        + " scalable dimension sagemaker:inference-component:DesiredCopyCount.");
        spec.given(registered(1, 4))
                .when(targetTracking(doc("{'TargetValue':3}"), T0))
                .thenRejected("TargetTrackingScalingPolicyConfiguration must specify exactly one of"
                        + " PredefinedMetricSpecification or CustomizedMetricSpecification.");
        spec.given(registered(1, 4))
                .when(targetTracking(
                        doc("{'TargetValue':0,'PredefinedMetricSpecification':"
                                + "{'PredefinedMetricType':'SageMakerInferenceComponentInvocationsPerCopy'}}"),
                        T0))
                .thenRejected("TargetValue must be between 8.515920e-109 and 1.174271e+108.");
    }

    @Test
    void step_adjustments_neither_overlap_nor_leave_gaps() {
        spec.given(registered(1, 4))
                .when(step(steps("{'MetricIntervalLowerBound':0,'MetricIntervalUpperBound':10,'ScalingAdjustment':1},"
                        + "{'MetricIntervalLowerBound':5,'ScalingAdjustment':2}")))
                .thenRejected("Step adjustments cannot overlap.");
        spec.given(registered(1, 4))
                .when(step(steps("{'MetricIntervalLowerBound':0,'MetricIntervalUpperBound':10,'ScalingAdjustment':1},"
                        + "{'MetricIntervalLowerBound':20,'ScalingAdjustment':2}")))
                .thenRejected("Step adjustments cannot have gaps between them.");
        spec.given(registered(1, 4))
                .when(step(steps("{'ScalingAdjustment':1}")))
                .thenRejected("A step adjustment cannot have both a null lower bound and a null upper bound.");
        spec.given(registered(1, 4))
                .when(step(steps("{'MetricIntervalLowerBound':0,'MetricIntervalUpperBound':10,'ScalingAdjustment':1}")))
                .thenRejected("A step adjustment with a positive upper bound needs a step adjustment with a null upper"
                        + " bound.");
        spec.given(registered(1, 4))
                .when(step(steps("{'MetricIntervalLowerBound':0,'MetricIntervalUpperBound':10,'ScalingAdjustment':1},"
                        + "{'MetricIntervalLowerBound':10,'ScalingAdjustment':3}")))
                .then(new ScalingEvent.ScalingPolicyPut(
                        "from-zero",
                        ScalingFixtures.STEP_ARN,
                        "StepScaling",
                        steps("{'MetricIntervalLowerBound':0,'MetricIntervalUpperBound':10,'ScalingAdjustment':1},"
                                + "{'MetricIntervalLowerBound':10,'ScalingAdjustment':3}"),
                        List.of(),
                        T0,
                        T0));
    }

    @Test
    void min_adjustment_magnitude_goes_with_percent_change_only() {
        spec.given(registered(1, 4))
                .when(step(doc("{'AdjustmentType':'ChangeInCapacity','MinAdjustmentMagnitude':2,"
                        + "'StepAdjustments':[{'MetricIntervalLowerBound':0,'ScalingAdjustment':1}]}")))
                .thenRejected("MinAdjustmentMagnitude is only allowed with AdjustmentType PercentChangeInCapacity.");
    }

    @Test
    void deletes_known_policies_only() {
        spec.given(registered(1, 4), invocationsPut())
                .when(new DeleteScalingPolicy(KEY, TT, T1))
                .then(new ScalingEvent.ScalingPolicyDeleted(TT, T1));
        spec.given(registered(1, 4))
                .when(new DeleteScalingPolicy(KEY, TT, T1))
                .thenRejected(
                        Kind.NOT_FOUND,
                        "No scaling policy found for service namespace: sagemaker, resource ID: inference-component/ic,"
                                + " scalable dimension: sagemaker:inference-component:DesiredCopyCount, policy name: "
                                + TT);
    }

    @Test
    void deregisters_a_registered_target_only() {
        spec.given(registered(1, 4), invocationsPut())
                .when(new DeregisterScalableTarget(KEY, T1))
                .then(new ScalingEvent.ScalableTargetDeregistered(T1));
        spec.given(registered(1, 4), new ScalingEvent.ScalableTargetDeregistered(T1))
                .when(new DeregisterScalableTarget(KEY, T1))
                .thenRejected(Kind.NOT_FOUND, NOT_REGISTERED);
    }

    @Test
    void a_target_registered_again_after_deregistering_starts_without_policies() {
        var state = new ScalableTargetDecider(ARNS, 1.0)
                .fold(List.of(
                        registered(1, 4),
                        invocationsPut(),
                        new ScalingEvent.ScalableTargetDeregistered(T1),
                        registered(0, 2)));
        Assertions.assertThat(state)
                .isInstanceOfSatisfying(ScalableTargetState.Registered.class, r -> Assertions.assertThat(r.policies())
                        .isEmpty());
    }

    private static ScalingEvent update(int min, int max, SuspendedState suspended) {
        return new ScalingEvent.ScalableTargetUpdated(
                min, max, ROLE, suspended, suspended.equals(SuspendedState.none()) ? T0 : T1);
    }

    private static Document steps(String steps) {
        return doc("{'AdjustmentType':'ChangeInCapacity','StepAdjustments':[" + steps + "]}");
    }
}
