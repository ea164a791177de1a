package dev.stowage.domain.scaling;

import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.scaling.ScalingFixtures.ARNS;
import static dev.stowage.domain.scaling.ScalingFixtures.HIGH;
import static dev.stowage.domain.scaling.ScalingFixtures.KEY;
import static dev.stowage.domain.scaling.ScalingFixtures.LOW;
import static dev.stowage.domain.scaling.ScalingFixtures.STEP;
import static dev.stowage.domain.scaling.ScalingFixtures.STEP_ARN;
import static dev.stowage.domain.scaling.ScalingFixtures.TT;
import static dev.stowage.domain.scaling.ScalingFixtures.TT_ARN;
import static dev.stowage.domain.scaling.ScalingFixtures.exactlyOnePut;
import static dev.stowage.domain.scaling.ScalingFixtures.invocationsPut;
import static dev.stowage.domain.scaling.ScalingFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.DeciderSpec;
import dev.stowage.domain.Fixtures;
import dev.stowage.domain.alarms.AlarmDefinition.ComparisonOperator;
import dev.stowage.domain.scaling.ScalingCommand.AlarmTrigger;
import dev.stowage.domain.scaling.ScalingCommand.RunPolicy;
import dev.stowage.events.ScalingEvent;
import dev.stowage.events.ScalingEvent.NotScaledReason;
import dev.stowage.events.ScalingEvent.SuspendedState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyRunTest {
    private static final Instant AT = T0.plusSeconds(600);
    private static final AlarmTrigger HIGH_AT_6 =
            new AlarmTrigger(HIGH, ComparisonOperator.GreaterThanThreshold, 3.0, List.of(5.0, 6.0, 6.0));
    private static final AlarmTrigger LOW_AT_1 =
            new AlarmTrigger(LOW, ComparisonOperator.LessThanThreshold, 2.7, List.of(1.0));
    private static final AlarmTrigger NO_CAPACITY =
            new AlarmTrigger("ic-no-capacity", ComparisonOperator.GreaterThanOrEqualToThreshold, 1.0, List.of(4.0));
    private static final String CAUSE_HIGH = "monitor alarm " + HIGH + " in state ALARM triggered policy " + TT;

    private final DeciderSpec<ScalingCommand, ScalableTargetState, ScalingEvent> spec =
            DeciderSpec.of(new ScalableTargetDecider(ARNS, 1.0));

    private static RunPolicy run(AlarmTrigger trigger, int current, Instant at) {
        return new RunPolicy(KEY, TT, TT_ARN, trigger, current, true, "a-" + at.getEpochSecond(), at);
    }

    private static ScalingEvent.ScalingActivityRecorded started(
            String id, int from, int to, String how, String cause, Instant at) {
        return new ScalingEvent.ScalingActivityRecorded(
                id,
                cause.endsWith(STEP) ? STEP : TT,
                "Setting desired copy count to " + to + ".",
                cause,
                "InProgress",
                "",
                how,
                from,
                to,
                List.of(),
                at);
    }

    private static ScalingEvent done(String id, Instant at) {
        return new ScalingEvent.ScalingActivityCompleted(id, "Successful", "ok", at);
    }

    @Test
    void target_tracking_scales_out_to_current_times_metric_over_target() {
        spec.given(registered(1, 8), invocationsPut())
                .when(run(HIGH_AT_6, 2, AT))
                .then(started("a-" + AT.getEpochSecond(), 2, 4, "ceil(2 × 6 ÷ 3) = 4", CAUSE_HIGH, AT));
    }

    @Test
    void holds_the_result_within_max_and_says_so_when_already_there() {
        spec.given(registered(1, 3), invocationsPut())
                .when(run(HIGH_AT_6, 2, AT))
                .then(started("a-" + AT.getEpochSecond(), 2, 3, "ceil(2 × 6 ÷ 3) = 4", CAUSE_HIGH, AT));
        spec.given(registered(1, 3), invocationsPut())
                .when(run(HIGH_AT_6, 3, AT))
                .then(new ScalingEvent.ScalingActivityRecorded(
                        "a-" + AT.getEpochSecond(),
                        TT,
                        "Attempting to scale due to alarm triggered",
                        CAUSE_HIGH,
                        "Failed",
                        "Failed to set desired copy count to 3",
                        "",
                        3,
                        3,
                        List.of(new NotScaledReason("AlreadyAtMaxCapacity", 1, 3, 3)),
                        AT));
        spec.given(registered(1, 3), invocationsPut())
                .when(new RunPolicy(KEY, TT, TT_ARN, HIGH_AT_6, 3, false, "again", AT))
                .thenNothing();
    }

    @Test
    void target_tracking_scales_in_to_zero_when_the_minimum_allows() {
        AlarmTrigger idle = new AlarmTrigger(LOW, ComparisonOperator.LessThanThreshold, 2.7, List.of(0.0));
        spec.given(registered(0, 4), invocationsPut())
                .when(run(idle, 2, AT))
                .then(started(
                        "a-" + AT.getEpochSecond(),
                        2,
                        0,
                        "ceil(2 × 0 ÷ 3) = 0",
                        "monitor alarm " + LOW + " in state ALARM triggered policy " + TT,
                        AT));
    }

    @Test
    void a_redelivered_change_finds_its_activity() {
        var first = started("a-" + AT.getEpochSecond(), 2, 4, "ceil(2 × 6 ÷ 3) = 4", CAUSE_HIGH, AT);
        spec.given(registered(1, 8), invocationsPut(), first)
                .when(run(HIGH_AT_6, 4, AT))
                .thenNothing();
    }

    @Test
    void scale_out_cooldown_counts_the_capacity_added_and_lets_only_a_larger_scale_out_through() {
        var first = started("first", 2, 4, "", CAUSE_HIGH, AT);
        Instant during = AT.plusSeconds(120);
        // The metric has not moved (new copies still loading): from 2, 6/3 asks for 4 again, which is there.
        spec.given(registered(1, 8), invocationsPut(), first, done("first", AT))
                .when(run(HIGH_AT_6, 4, during))
                .thenNothing();
        // The load grew: from 2, 9/3 asks for 6, more than the 4 there.
        AlarmTrigger higher = new AlarmTrigger(HIGH, ComparisonOperator.GreaterThanThreshold, 3.0, List.of(9.0));
        spec.given(registered(1, 8), invocationsPut(), first, done("first", AT))
                .when(run(higher, 4, during))
                .then(started("a-" + during.getEpochSecond(), 4, 6, "ceil(2 × 9 ÷ 3) = 6", CAUSE_HIGH, during));
        // After the cooldown the proposal starts from the current count again.
        Instant after = AT.plusSeconds(301);
        spec.given(registered(1, 8), invocationsPut(), first, done("first", AT))
                .when(run(HIGH_AT_6, 4, after))
                .then(started("a-" + after.getEpochSecond(), 4, 8, "ceil(4 × 6 ÷ 3) = 8", CAUSE_HIGH, after));
    }

    @Test
    void scale_in_waits_for_the_scale_out_and_scale_in_cooldowns() {
        var out = started("out", 2, 4, "", CAUSE_HIGH, AT);
        spec.given(registered(1, 8), invocationsPut(), out, done("out", AT))
                .when(run(LOW_AT_1, 4, AT.plusSeconds(299)))
                .thenNothing();
        String lowCause = "monitor alarm " + LOW + " in state ALARM triggered policy " + TT;
        Instant later = AT.plusSeconds(300);
        spec.given(registered(1, 8), invocationsPut(), out, done("out", AT))
                .when(run(LOW_AT_1, 4, later))
                .then(started("a-" + later.getEpochSecond(), 4, 2, "ceil(4 × 1 ÷ 3) = 2", lowCause, later));
        var in = started("in", 4, 2, "", lowCause, later);
        spec.given(registered(1, 8), invocationsPut(), out, done("out", AT), in, done("in", later))
                .when(run(LOW_AT_1, 2, later.plusSeconds(200)))
                .thenNothing();
    }

    @Test
    void a_scale_out_does_not_wait_for_a_scale_in_cooldown() {
        String lowCause = "monitor alarm " + LOW + " in state ALARM triggered policy " + TT;
        var in = started("in", 4, 2, "", lowCause, AT);
        Instant soon = AT.plusSeconds(10);
        spec.given(registered(1, 8), invocationsPut(), in, done("in", AT))
                .when(run(HIGH_AT_6, 2, soon))
                .then(started("a-" + soon.getEpochSecond(), 2, 4, "ceil(2 × 6 ÷ 3) = 4", CAUSE_HIGH, soon));
    }

    @Test
    void cooldowns_shrink_with_the_time_scale() {
        var fast = DeciderSpec.of(new ScalableTargetDecider(ARNS, 100.0));
        var out = started("out", 2, 4, "", CAUSE_HIGH, AT);
        Instant later = AT.plusSeconds(3);
        fast.given(registered(1, 8), invocationsPut(), out, done("out", AT))
                .when(run(HIGH_AT_6, 4, later))
                .then(started("a-" + later.getEpochSecond(), 4, 8, "ceil(4 × 6 ÷ 3) = 8", CAUSE_HIGH, later));
    }

    @Test
    void suspended_scale_out_does_nothing() {
        var suspended = new ScalingEvent.ScalableTargetUpdated(
                1, 8, ScalingFixtures.ROLE, new SuspendedState(false, true, false), T0);
        spec.given(registered(1, 8), invocationsPut(), suspended)
                .when(run(HIGH_AT_6, 2, AT))
                .thenNothing();
    }

    @Test
    void a_step_policy_scales_from_zero_to_exactly_one() {
        spec.given(registered(0, 4), exactlyOnePut())
                .when(new RunPolicy(KEY, STEP, STEP_ARN, NO_CAPACITY, 0, true, "wake", AT))
                .then(started(
                        "wake",
                        0,
                        1,
                        "ExactCapacity 1 from 0 for a breach of 3 = 1",
                        "monitor alarm ic-no-capacity in state ALARM triggered policy " + STEP,
                        AT));
    }

    @Test
    void an_alarm_of_a_deleted_and_recreated_policy_runs_nothing() {
        String otherArn = TT_ARN.replace("11111111", "99999999");
        spec.given(registered(1, 8), invocationsPut())
                .when(new RunPolicy(KEY, TT, otherArn, HIGH_AT_6, 2, true, "x", AT))
                .thenNothing();
    }

    @Test
    void percent_change_rounds_toward_zero_but_moves_at_least_one() {
        assertThat(Proposal.percent(10, 25, Optional.empty())).isEqualTo(2);
        assertThat(Proposal.percent(2, 10, Optional.empty())).isEqualTo(1);
        assertThat(Proposal.percent(2, -10, Optional.empty())).isEqualTo(-1);
        assertThat(Proposal.percent(10, -25, Optional.empty())).isEqualTo(-2);
        assertThat(Proposal.percent(10, 10, Optional.of(3))).isEqualTo(3);
        assertThat(Proposal.percent(0, 50, Optional.empty())).isEqualTo(0);
    }

    @Test
    void steps_match_the_breach_relative_to_the_threshold() {
        StepScalingConfig config =
                StepScalingConfig.parse(Fixtures.doc("{'AdjustmentType':'ChangeInCapacity','StepAdjustments':["
                        + "{'MetricIntervalLowerBound':0,'MetricIntervalUpperBound':10,'ScalingAdjustment':1},"
                        + "{'MetricIntervalLowerBound':10,'ScalingAdjustment':3}]}"));
        assertThat(config.stepFor(0, true).map(StepScalingConfig.StepAdjustment::scalingAdjustment))
                .contains(1);
        assertThat(config.stepFor(10, true).map(StepScalingConfig.StepAdjustment::scalingAdjustment))
                .contains(3);
        assertThat(config.stepFor(-1, true)).isEmpty();
    }

    @Test
    void a_waiting_request_scales_a_component_at_zero_out_to_the_smallest_allowed_capacity() {
        ScalingCommand.ScaleFromZero wake = new ScalingCommand.ScaleFromZero(KEY, 0, "w-1", AT);
        spec.given(registered(0, 4))
                .when(wake)
                .then(new ScalingEvent.ScalingActivityRecorded(
                        "w-1",
                        "",
                        "Setting desired copy count to 1.",
                        "a request is waiting for capacity on inference component " + KEY.requireComponent(),
                        "InProgress",
                        "",
                        "a request waits for capacity (X-Stowage-Wait-For-Capacity)",
                        0,
                        1,
                        List.of(),
                        AT));
    }

    @Test
    void a_waiting_request_changes_nothing_with_copies_an_activity_in_progress_or_a_maximum_of_zero() {
        spec.given(registered(0, 4))
                .when(new ScalingCommand.ScaleFromZero(KEY, 2, "w-1", AT))
                .thenNothing();
        spec.given(registered(0, 0))
                .when(new ScalingCommand.ScaleFromZero(KEY, 0, "w-1", AT))
                .thenNothing();
        spec.given(registered(0, 4), started("a-1", 0, 1, "", CAUSE_HIGH, T0))
                .when(new ScalingCommand.ScaleFromZero(KEY, 0, "w-2", AT))
                .thenNothing();
    }
}
