package dev.stowage.domain.scaling;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.SPEC;
import static dev.stowage.domain.Fixtures.T0;
import static dev.stowage.domain.Fixtures.doc;
import static dev.stowage.domain.scaling.ScalingFixtures.INVOCATIONS;
import static dev.stowage.domain.scaling.ScalingFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.MutableClock;
import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmDefinition.ComparisonOperator;
import dev.stowage.domain.alarms.InMemoryAlarmService;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.metrics.Statistic;
import dev.stowage.domain.scaling.AutoScaling.PolicyCreated;
import dev.stowage.domain.scaling.ScalingCommand.SuspendedStateRequest;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.Document;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ScalingEvent;
import dev.stowage.events.ScalingEvent.PolicyAlarm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write side with its alarms: what PutScalingPolicy answers is what the alarm service holds. */
class AutoScalingTest {
    private static final Document CONCURRENCY = doc("{'TargetValue':5.0,'PredefinedMetricSpecification':"
            + "{'PredefinedMetricType':'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution'}}");

    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryAlarmService alarms = new InMemoryAlarmService();
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger ids = new AtomicInteger();
    private final ControlPlane controlPlane = new ControlPlane(
            events, clock, ARNS, InstanceTypeCatalog.standard(), endpoint -> 0, (stream, appended) -> {});
    private final AutoScaling autoScaling = new AutoScaling(
            events,
            controlPlane,
            alarms,
            ScalingArns.of(ARNS),
            clock,
            () -> String.format("00000000-0000-4000-8000-%012d", ids.incrementAndGet()));

    @BeforeEach
    void aRegisteredInferenceComponent() {
        for (String name : List.of("ic", "ic-2")) {
            events.append(
                    StreamIds.inferenceComponent(name),
                    0,
                    List.of(new InferenceComponentEvent.Created(
                            name, ARNS.inferenceComponent(name), "e", ARNS.endpoint("e"), "AllTraffic", SPEC, 1, T0)),
                    new AppendContext(T0, "test", "test"));
            autoScaling.register(
                    ScalableTargetKey.ofComponent(name),
                    Optional.of(1),
                    Optional.of(4),
                    Optional.empty(),
                    SuspendedStateRequest.none(),
                    "r");
        }
    }

    @Test
    void invocations_per_copy_alarms_are_the_ones_aws_creates() {
        PolicyCreated created = put("invocations", INVOCATIONS);

        assertThat(created.policyArn())
                .isEqualTo("arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:"
                        + "00000000-0000-4000-8000-000000000003:resource/sagemaker/inference-component/ic"
                        + ":policyName/invocations");
        assertThat(created.alarms())
                .extracting(PolicyAlarm::alarmName)
                .containsExactly(
                        "TargetTracking-inference-component/ic-AlarmHigh-00000000-0000-4000-8000-000000000004",
                        "TargetTracking-inference-component/ic-AlarmLow-00000000-0000-4000-8000-000000000005");
        assertThat(created.alarms().getFirst().alarmArn())
                .isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:"
                        + created.alarms().getFirst().alarmName());
        AlarmDefinition high = alarm(created, 0);
        assertThat(high.namespace()).isEqualTo("AWS/SageMaker");
        assertThat(high.metricName()).isEqualTo("InvocationsPerCopy");
        assertThat(high.dimensions()).isEqualTo(Map.of("InferenceComponentName", "ic"));
        assertThat(high.statistic()).isEqualTo(Statistic.SUM);
        assertThat(List.of(high.periodSeconds(), high.evaluationPeriods(), high.datapointsToAlarm()))
                .containsExactly(60, 3, 3);
        assertThat(high.comparison()).isEqualTo(ComparisonOperator.GreaterThanThreshold);
        assertThat(high.threshold()).isEqualTo(3.0);
        assertThat(high.alarmActions()).containsExactly(created.policyArn());
        AlarmDefinition low = alarm(created, 1);
        assertThat(List.of(low.periodSeconds(), low.evaluationPeriods(), low.datapointsToAlarm()))
                .containsExactly(60, 15, 15);
        assertThat(low.comparison()).isEqualTo(ComparisonOperator.LessThanThreshold);
        assertThat(low.threshold()).isCloseTo(2.7, Offset.offset(1e-9));
    }

    @Test
    void high_resolution_concurrency_alarms_count_ten_second_periods() {
        PolicyCreated created = put("concurrency", CONCURRENCY);

        AlarmDefinition high = alarm(created, 0);
        assertThat(high.metricName()).isEqualTo("ConcurrentRequestsPerCopy");
        assertThat(high.statistic()).isEqualTo(Statistic.MAXIMUM);
        assertThat(List.of(high.periodSeconds(), high.evaluationPeriods())).containsExactly(10, 3);
        AlarmDefinition low = alarm(created, 1);
        assertThat(List.of(low.periodSeconds(), low.evaluationPeriods(), low.datapointsToAlarm()))
                .containsExactly(10, 90, 90);
        assertThat(low.threshold()).isEqualTo(4.5);
    }

    @Test
    void replacing_a_policy_replaces_its_alarms_and_deleting_it_deletes_them() {
        PolicyCreated first = put("invocations", INVOCATIONS);
        PolicyCreated second = put("invocations", CONCURRENCY);

        assertThat(second.policyArn()).isEqualTo(first.policyArn());
        assertThat(names(alarms.list("TargetTracking-inference-component/ic-")))
                .containsExactlyInAnyOrderElementsOf(names2(second.alarms()));

        autoScaling.deletePolicy(KEY, "invocations", "r");

        assertThat(alarms.list("TargetTracking-inference-component/ic-")).isEmpty();
    }

    @Test
    void a_deleted_component_takes_its_target_and_alarms_with_it_and_one_without_changes_nothing() {
        put("invocations", INVOCATIONS);

        autoScaling.forget("ic", "r");
        autoScaling.forget("never-registered", "r");

        assertThat(autoScaling.load(KEY)).isNotInstanceOf(ScalableTargetState.Registered.class);
        assertThat(alarms.list("")).isEmpty();
    }

    @Test
    void deregistering_deletes_the_alarms_of_that_target_only() {
        put("invocations", INVOCATIONS);
        PolicyCreated other = autoScaling.putPolicy(
                ScalableTargetKey.ofComponent("ic-2"),
                "invocations",
                Optional.of("TargetTrackingScaling"),
                Optional.of(INVOCATIONS),
                Optional.empty(),
                false,
                "r");

        autoScaling.deregister(KEY, "r");

        assertThat(names(alarms.list(""))).containsExactlyInAnyOrderElementsOf(names2(other.alarms()));
    }

    @Test
    void a_rejected_policy_writes_nothing_and_creates_no_alarm() {
        int before = events.read(KEY.stream()).size();

        assertThatThrownBy(() -> put("bad", doc("{'TargetValue':3.0}"))).isInstanceOf(CommandRejected.class);

        assertThat(events.read(KEY.stream())).hasSize(before);
        assertThat(alarms.list("")).isEmpty();
    }

    @Test
    void a_new_minimum_or_maximum_moves_the_copy_count_inside_them_as_an_activity() {
        ScalableTargetKey key = ScalableTargetKey.ofComponent("ic");

        register(key, 3, 4);
        assertThat(controlPlane.desiredCopyCount("ic")).contains(3);
        register(key, 0, 2);
        assertThat(controlPlane.desiredCopyCount("ic")).contains(2);
        register(key, 0, 5);
        assertThat(controlPlane.desiredCopyCount("ic")).contains(2);

        var registered = (ScalableTargetState.Registered) autoScaling.load(key);
        assertThat(registered.activities())
                .extracting(
                        ScalingActivity::cause,
                        ScalingActivity::description,
                        ScalingActivity::statusCode,
                        ScalingActivity::statusMessage)
                .containsExactly(
                        Tuple.tuple(
                                "minimum capacity was set to 3",
                                "Setting desired copy count to 3.",
                                "Successful",
                                "Successfully set desired copy count to 3. Change successfully fulfilled by sagemaker."),
                        Tuple.tuple(
                                "maximum capacity was set to 2",
                                "Setting desired copy count to 2.",
                                "Successful",
                                "Successfully set desired copy count to 2. Change successfully fulfilled by sagemaker."));
    }

    @Test
    void an_activity_a_crash_left_in_progress_is_carried_out_by_the_next_registration() {
        ScalableTargetKey key = ScalableTargetKey.ofComponent("ic");
        long version = events.read(key.stream()).getLast().version();
        events.append(
                key.stream(),
                version,
                List.of(new ScalingEvent.ScalingActivityRecorded(
                        "crashed",
                        "p",
                        "Setting desired copy count to 2.",
                        "alarm",
                        "InProgress",
                        "",
                        "",
                        1,
                        2,
                        List.of(),
                        T0)),
                new AppendContext(T0, "test", "test"));

        register(key, 1, 4);

        assertThat(controlPlane.desiredCopyCount("ic")).contains(2);
        var registered = (ScalableTargetState.Registered) autoScaling.load(key);
        assertThat(registered.activity("crashed").orElseThrow().statusCode()).isEqualTo("Successful");
    }

    private void register(ScalableTargetKey key, int min, int max) {
        autoScaling.register(
                key, Optional.of(min), Optional.of(max), Optional.empty(), SuspendedStateRequest.none(), "r-" + min);
    }

    private PolicyCreated put(String name, Document configuration) {
        return autoScaling.putPolicy(
                KEY,
                name,
                Optional.of("TargetTrackingScaling"),
                Optional.of(configuration),
                Optional.empty(),
                false,
                "r");
    }

    private AlarmDefinition alarm(PolicyCreated created, int index) {
        return alarms.describe(created.alarms().get(index).alarmName()).orElseThrow();
    }

    private static List<String> names(List<AlarmDefinition> definitions) {
        return definitions.stream().map(AlarmDefinition::alarmName).toList();
    }

    private static List<String> names2(List<PolicyAlarm> policyAlarms) {
        return policyAlarms.stream().map(PolicyAlarm::alarmName).toList();
    }
}
