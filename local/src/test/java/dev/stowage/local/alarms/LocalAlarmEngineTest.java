package dev.stowage.local.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.MutableClock;
import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import dev.stowage.domain.alarms.AlarmRule;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.alarms.AlarmStateChange;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.time.TimeScale;
import dev.stowage.testing.AlarmFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The engine over the in-memory metric store with a clock moved by hand and listeners called on the evaluating
 * thread: one minute periods are evaluated 6 s after they close.
 */
class LocalAlarmEngineTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration DUE = Duration.ofSeconds(6);
    private static final Map<String, String> IC = AlarmFixtures.IC;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final List<AlarmStateChange> told = new ArrayList<>();

    private LocalAlarmEngine engine(TimeScale scale) {
        LocalAlarmEngine engine =
                new LocalAlarmEngine(metrics::all, clock, scale, "us-east-1", "123456789012", Runnable::run);
        engine.addListener(told::add);
        return engine;
    }

    @Test
    void composites_follow_their_alarms_through_other_composites_and_count_as_in_alarm() {
        LocalAlarmEngine engine = engine(TimeScale.REAL_TIME);
        engine.put(alarm("high", 60, TreatMissingData.missing));
        engine.put(alarm("other", 60, TreatMissingData.missing));
        engine.putComposite(composite("any", "ALARM(high) OR ALARM(other)"));
        engine.putComposite(composite("quiet", "FALSE"));
        engine.putComposite(composite("page", "ALARM(any) AND NOT ALARM(quiet)"));

        assertThat(engine.compositeStatuses(""))
                .extracting(CompositeStatus::state)
                .containsExactly(AlarmState.OK, AlarmState.OK, AlarmState.OK);
        for (int minute = 0; minute < 3; minute++) {
            publish(5.0, T0.plusSeconds(60L * minute + 30));
            clock.set(T0.plusSeconds(60L * (minute + 1)).plus(DUE));
            engine.evaluateNow();
        }

        assertThat(engine.inAlarm(List.of("any", "page", "other", "quiet", "gone")))
                .containsExactlyInAnyOrder("any", "page", "other");
        assertThat(engine.compositeStatuses("pa").getFirst().reason())
                .isEqualTo("The alarm rule ALARM(any) AND NOT ALARM(quiet) is TRUE.");

        engine.delete(List.of("high", "other"));
        assertThat(engine.inAlarm(List.of("any", "page")))
                .as("a deleted alarm is in no state")
                .isEmpty();
    }

    @Test
    void a_composite_that_would_depend_on_itself_or_on_nothing_is_refused() {
        LocalAlarmEngine engine = engine(TimeScale.REAL_TIME);
        engine.put(alarm("high", 60, TreatMissingData.missing));
        engine.putComposite(composite("a", "ALARM(high)"));
        engine.putComposite(composite("b", "ALARM(a)"));

        Assertions.assertThatThrownBy(() -> engine.putComposite(composite("a", "ALARM(b)")))
                .hasMessage("Could not save the composite alarm as its alarm rule would make a depend on itself");
        Assertions.assertThatThrownBy(() -> engine.putComposite(composite("c", "ALARM(x) OR ALARM(high) OR OK(w)")))
                .hasMessage("Could not save the composite alarm as alarms [w, x] in the alarm rule do not exist");
    }

    private static CompositeAlarm composite(String name, String rule) {
        return new CompositeAlarm(name, AlarmRule.parse(rule), "", true, List.of(), List.of(), List.of());
    }

    @Test
    void alarms_after_three_breaching_periods_and_is_ok_again_after_one_within() throws Exception {
        LocalAlarmEngine engine = engine(TimeScale.REAL_TIME);
        engine.put(alarm("high", 60, TreatMissingData.missing));

        for (int minute = 0; minute < 3; minute++) {
            publish(5.0, T0.plusSeconds(60L * minute + 30));
            clock.set(T0.plusSeconds(60L * (minute + 1)).plus(DUE));
            engine.evaluateNow();
        }

        assertThat(told).hasSize(1);
        AlarmStateChange alarm = told.getFirst();
        assertThat(alarm.previousState()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(alarm.state()).isEqualTo(AlarmState.ALARM);
        assertThat(alarm.recentDatapoints()).containsExactly(5.0, 5.0, 5.0);
        assertThat(alarm.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:high");
        assertThat(alarm.at()).isEqualTo(T0.plusSeconds(180).plus(DUE));
        assertThat(alarm.reason())
                .isEqualTo("Threshold Crossed: 3 out of the last 3 datapoints [5.0 (25/11/26 10:02:00), 5.0 (25/11/26"
                        + " 10:01:00), 5.0 (25/11/26 10:00:00)] were greater than the threshold (4.0) (minimum 3"
                        + " datapoints for INSUFFICIENT_DATA -> ALARM transition).");
        assertThat(engine.status("high").orElseThrow().state()).isEqualTo(AlarmState.ALARM);

        publish(1.0, T0.plusSeconds(200));
        clock.set(T0.plusSeconds(240).plus(DUE));
        engine.evaluateNow();

        assertThat(told).hasSize(2);
        assertThat(told.getLast().previousState()).isEqualTo(AlarmState.ALARM);
        assertThat(told.getLast().state()).isEqualTo(AlarmState.OK);
        List<String> events = engine.stateChangeEvents();
        assertThat(events).hasSize(2);
        JsonNode ok = new ObjectMapper().readTree(events.getLast());
        assertThat(ok.path("detail").path("state").path("value").asText()).isEqualTo("OK");
        assertThat(ok.path("detail").path("previousState").path("reason").asText())
                .isEqualTo(alarm.reason());
    }

    @Test
    void a_period_is_evaluated_once_and_only_once_it_is_due() {
        LocalAlarmEngine engine = engine(TimeScale.REAL_TIME);
        engine.put(alarm("high", 60, TreatMissingData.breaching));

        clock.set(T0.plusSeconds(60).plus(DUE).minusMillis(1));
        engine.evaluateNow();
        assertThat(engine.status("high").orElseThrow().evaluatedUntil()).contains(T0);

        clock.set(T0.plusSeconds(60).plus(DUE));
        engine.evaluateNow();
        engine.evaluateNow();
        assertThat(engine.status("high").orElseThrow().evaluatedUntil()).contains(T0.plusSeconds(60));
        assertThat(told).hasSize(1);
    }

    @Test
    void missing_data_follows_the_alarms_setting() {
        LocalAlarmEngine engine = engine(TimeScale.REAL_TIME);
        for (TreatMissingData treatment : TreatMissingData.values()) {
            engine.put(alarm(treatment.name(), 60, treatment));
        }

        clock.set(T0.plus(DUE));
        engine.evaluateNow();

        assertThat(state(engine, TreatMissingData.breaching)).isEqualTo(AlarmState.ALARM);
        assertThat(state(engine, TreatMissingData.notBreaching)).isEqualTo(AlarmState.OK);
        assertThat(state(engine, TreatMissingData.ignore)).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(state(engine, TreatMissingData.missing)).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(engine.status("missing").orElseThrow().reason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(told).extracting(c -> c.alarm().alarmName()).containsExactlyInAnyOrder("breaching", "notBreaching");
    }

    @Test
    void a_listener_that_throws_is_called_again_later_and_holds_back_no_other() {
        LocalAlarmEngine engine = engine(TimeScale.REAL_TIME);
        AtomicInteger calls = new AtomicInteger();
        List<AlarmStateChange> eventually = new ArrayList<>();
        engine.addListener(change -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("scaling is down");
            }
            eventually.add(change);
        });
        engine.put(alarm("high", 60, TreatMissingData.breaching));

        clock.set(T0.plus(DUE));
        engine.evaluateNow();
        assertThat(told).hasSize(1);
        assertThat(eventually).isEmpty();

        clock.advance(Duration.ofSeconds(4));
        engine.evaluateNow();
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        engine.evaluateNow();
        assertThat(calls).hasValue(2);
        assertThat(eventually).containsExactlyElementsOf(told);
    }

    @Test
    void periods_shrink_by_the_time_scale() {
        LocalAlarmEngine engine = engine(TimeScale.of(60));
        engine.put(alarm("high", 60, TreatMissingData.missing));

        for (int second = 0; second < 3; second++) {
            publish(5.0, T0.plusMillis(1000L * second + 500));
        }
        clock.set(T0.plusMillis(3100));
        engine.evaluateNow();

        assertThat(told).singleElement().satisfies(change -> {
            assertThat(change.state()).isEqualTo(AlarmState.ALARM);
            assertThat(change.recentDatapoints()).containsExactly(5.0, 5.0, 5.0);
        });
    }

    @Test
    void put_replaces_by_name_and_keeps_the_state_delete_forgets() {
        LocalAlarmEngine engine = engine(TimeScale.REAL_TIME);
        engine.put(alarm("scale-high", 60, TreatMissingData.breaching));
        engine.put(alarm("scale-low", 60, TreatMissingData.breaching));
        engine.put(alarm("other", 60, TreatMissingData.breaching));
        clock.set(T0.plus(DUE));
        engine.evaluateNow();

        AlarmDefinition replaced = alarm("scale-high", 300, TreatMissingData.notBreaching);
        engine.put(replaced);
        engine.delete(List.of("other", "unknown"));

        assertThat(engine.describe("scale-high")).contains(replaced);
        assertThat(engine.status("scale-high").orElseThrow().state()).isEqualTo(AlarmState.ALARM);
        assertThat(engine.list("scale-"))
                .extracting(AlarmDefinition::alarmName)
                .containsExactly("scale-high", "scale-low");
        assertThat(engine.list("")).hasSize(2);
        assertThat(engine.describe("other")).isEmpty();
    }

    private AlarmState state(LocalAlarmEngine engine, TreatMissingData treatment) {
        return engine.status(treatment.name()).orElseThrow().state();
    }

    private void publish(double value, Instant at) {
        metrics.publish("AWS/SageMaker", "InvocationsPerCopy", IC, value, "Count", at);
    }

    private static AlarmDefinition alarm(String name, int period, TreatMissingData treatment) {
        return AlarmFixtures.highInvocations(name, period, treatment);
    }
}
