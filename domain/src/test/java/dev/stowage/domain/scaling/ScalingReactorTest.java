package dev.stowage.domain.scaling;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.SPEC;
import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.scaling.ScalingFixtures.EXACTLY_ONE;
import static dev.stowage.domain.scaling.ScalingFixtures.INVOCATIONS;
import static dev.stowage.domain.scaling.ScalingFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.MutableClock;
import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.alarms.AlarmStateChange;
import dev.stowage.domain.alarms.InMemoryAlarmService;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.metrics.Statistic;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.scaling.ScalingCommand.SuspendedStateRequest;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reactor against an in-memory store, with a clock the test moves. */
class ScalingReactorTest {
    private static final String IC_STREAM = StreamIds.inferenceComponent("ic");

    private final InMemoryEventStore events = new InMemoryEventStore();
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAlarmService alarms = new InMemoryAlarmService();
    private final ControlPlane controlPlane = new ControlPlane(
            events, clock, ARNS, InstanceTypeCatalog.standard(), endpoint -> 0, (stream, appended) -> {});
    private final AtomicInteger ids = new AtomicInteger();
    private final AutoScaling autoScaling =
            new AutoScaling(events, controlPlane, alarms, ScalingArns.of(ARNS), clock, this::nextId);
    private final ScalingReactor reactor =
            new ScalingReactor(events, controlPlane, ScalingArns.of(ARNS), clock, 1.0, this::nextId);

    private String nextId() {
        return String.format("00000000-0000-4000-8000-%012d", ids.incrementAndGet());
    }

    @BeforeEach
    void anInferenceComponentWithTwoCopies() {
        events.append(
                IC_STREAM,
                0,
                List.of(new InferenceComponentEvent.Created(
                        "ic", ARNS.inferenceComponent("ic"), "e", ARNS.endpoint("e"), "AllTraffic", SPEC, 2, T0)),
                new AppendContext(T0, "test", "test"));
    }

    @Test
    void an_alarm_in_alarm_sets_the_copy_count_and_records_a_successful_activity() {
        AlarmDefinition high = highAlarmOfATargetTrackingPolicy(1, 8);

        reactor.onStateChange(change(high, List.of(6.0, 6.0, 6.0)));

        assertThat(controlPlane.desiredCopyCount("ic")).contains(4);
        assertThat(lastCopyCountCause()).isEqualTo(CopyCountCause.AUTOSCALING);
        ScalingActivity activity = activities().getLast();
        assertThat(activity.statusCode()).isEqualTo("Successful");
        assertThat(activity.description()).isEqualTo("Setting desired copy count to 4.");
        assertThat(activity.cause())
                .isEqualTo("monitor alarm " + high.alarmName() + " in state ALARM triggered policy invocations");
        assertThat(activity.statusMessage())
                .isEqualTo("Successfully set desired copy count to 4. Change successfully fulfilled by sagemaker.");
        assertThat(activity.endTime()).contains(T0);
    }

    @Test
    void a_redelivered_change_scales_once() {
        AlarmDefinition high = highAlarmOfATargetTrackingPolicy(1, 8);
        AlarmStateChange change = change(high, List.of(6.0));

        reactor.onStateChange(change);
        reactor.onStateChange(change);

        assertThat(controlPlane.desiredCopyCount("ic")).contains(4);
        assertThat(activities()).hasSize(1);
    }

    @Test
    void an_alarm_that_stays_in_alarm_runs_again_each_minute_within_cooldowns() {
        AlarmDefinition high = highAlarmOfATargetTrackingPolicy(1, 16);
        reactor.onStateChange(change(high, List.of(6.0)));
        assertThat(controlPlane.desiredCopyCount("ic")).contains(4);

        clock.advance(Duration.ofSeconds(30));
        reactor.onStillInAlarm(change(high, List.of(12.0)));
        assertThat(activities()).as("within the re-evaluation minute").hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        reactor.onStillInAlarm(change(high, List.of(12.0)));
        assertThat(controlPlane.desiredCopyCount("ic"))
                .as("in the scale-out cooldown: from the 2 before it, 12/3 asks for 8, larger than 4")
                .contains(8);

        clock.advance(Duration.ofSeconds(61));
        reactor.onStillInAlarm(change(high, List.of(6.0)));
        assertThat(controlPlane.desiredCopyCount("ic"))
                .as("still cooling down from the scale-out to 8, which started from 4")
                .contains(8);
        assertThat(activities()).hasSize(2);
    }

    @Test
    void a_step_policy_wakes_a_component_at_zero() {
        autoScaling.register(KEY, Optional.of(0), Optional.of(4), Optional.empty(), SuspendedStateRequest.none(), "r");
        controlPlane.setDesiredCopyCount("ic", 0, CopyCountCause.API, "r");
        String arn = autoScaling
                .putPolicy(
                        KEY, "wake", Optional.of("StepScaling"), Optional.empty(), Optional.of(EXACTLY_ONE), false, "r")
                .policyArn();
        AlarmDefinition noCapacity = new AlarmDefinition(
                "ic-no-capacity",
                "",
                "AWS/SageMaker",
                "NoCapacityInvocationFailures",
                Map.of("InferenceComponentName", "ic"),
                Statistic.MAXIMUM,
                Optional.empty(),
                60,
                1,
                1,
                1.0,
                AlarmDefinition.ComparisonOperator.GreaterThanOrEqualToThreshold,
                AlarmDefinition.TreatMissingData.missing,
                true,
                List.of(arn),
                List.of(),
                List.of());

        reactor.onStateChange(change(noCapacity, List.of(1.0)));

        assertThat(controlPlane.desiredCopyCount("ic")).contains(1);
    }

    @Test
    void ok_and_unknown_actions_change_nothing() {
        AlarmDefinition high = highAlarmOfATargetTrackingPolicy(1, 8);
        reactor.onStateChange(new AlarmStateChange(high, "arn", AlarmState.ALARM, AlarmState.OK, "", List.of(), T0));
        AlarmDefinition elsewhere = new AlarmDefinition(
                "other",
                "",
                "AWS/EC2",
                "CPUUtilization",
                Map.of(),
                Statistic.AVERAGE,
                Optional.empty(),
                60,
                1,
                1,
                50,
                AlarmDefinition.ComparisonOperator.GreaterThanThreshold,
                AlarmDefinition.TreatMissingData.missing,
                true,
                List.of("arn:aws:sns:us-east-1:123456789012:topic"),
                List.of(),
                List.of());
        reactor.onStateChange(change(elsewhere, List.of(99.0)));

        assertThat(controlPlane.desiredCopyCount("ic")).contains(2);
        assertThat(activities()).isEmpty();
    }

    private AlarmDefinition highAlarmOfATargetTrackingPolicy(int min, int max) {
        autoScaling.register(
                KEY, Optional.of(min), Optional.of(max), Optional.empty(), SuspendedStateRequest.none(), "r");
        var created = autoScaling.putPolicy(
                KEY,
                "invocations",
                Optional.of("TargetTrackingScaling"),
                Optional.of(INVOCATIONS),
                Optional.empty(),
                false,
                "r");
        return alarms.describe(created.alarms().getFirst().alarmName()).orElseThrow();
    }

    private AlarmStateChange change(AlarmDefinition alarm, List<Double> datapoints) {
        return new AlarmStateChange(
                alarm,
                "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + alarm.alarmName(),
                AlarmState.OK,
                AlarmState.ALARM,
                "Threshold Crossed",
                datapoints,
                clock.instant());
    }

    private List<ScalingActivity> activities() {
        return autoScaling.load(KEY) instanceof Registered registered ? registered.activities() : List.of();
    }

    private CopyCountCause lastCopyCountCause() {
        return events.read(IC_STREAM).stream()
                .map(EventEnvelope::event)
                .filter(InferenceComponentEvent.DesiredCopyCountSet.class::isInstance)
                .map(InferenceComponentEvent.DesiredCopyCountSet.class::cast)
                .reduce((first, second) -> second)
                .orElseThrow()
                .cause();
    }
}
