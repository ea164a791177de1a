package dev.stowage.domain.alarms;

import static dev.stowage.domain.alarms.Alarms.alarm;
import static dev.stowage.domain.alarms.Alarms.periods;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of the Amazon CloudWatch User Guide, "How alarm state is evaluated when data is missing" (page
 * AlarmThatSendsEmail, section alarms-evaluating-missing-data): two tables of five-period evaluation ranges, oldest
 * first, with the state each missing-data setting gives. "Retain current state" is checked from two current states.
 */
class AlarmEvaluatorTest {
    private static final String RETAIN = "retain";

    static Stream<Arguments> guide() {
        return Stream.of(
                // First table: Datapoints to Alarm 3, Evaluation Periods 3.
                row("table 1 row 1", 3, "0 - X - X", "OK", "OK", "OK", "OK"),
                row("table 1 row 2", 3, "0 - - - -", "OK", "OK", "OK", "OK"),
                row("table 1 row 3", 3, "- - - - -", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"),
                row("table 1 row 4", 3, "0 X X - X", "ALARM", "ALARM", "ALARM", "ALARM"),
                row("table 1 row 5", 3, "- - - - X", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"),
                row("table 1 row 6", 3, "X - - - -", "ALARM", RETAIN, "ALARM", "OK"),
                // Second table: Datapoints to Alarm 2, Evaluation Periods 3 (2 out of 3).
                row("table 2 row 1", 2, "0 - X - X", "ALARM", "ALARM", "ALARM", "ALARM"),
                row("table 2 row 2", 2, "0 0 X 0 X", "ALARM", "ALARM", "ALARM", "ALARM"),
                row("table 2 row 3", 2, "0 - X - -", "OK", "OK", "ALARM", "OK"),
                row("table 2 row 4", 2, "- - - - 0", "OK", "OK", "ALARM", "OK"),
                row("table 2 row 5", 2, "- - - - X", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"));
    }

    private static Arguments row(
            String example,
            int datapointsToAlarm,
            String datapoints,
            String missing,
            String ignore,
            String breaching,
            String notBreaching) {
        return Arguments.of(example, datapointsToAlarm, datapoints, missing, ignore, breaching, notBreaching);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("guide")
    void evaluates_the_guides_examples(
            String example,
            int datapointsToAlarm,
            String datapoints,
            String missing,
            String ignore,
            String breaching,
            String notBreaching) {
        assertState(datapointsToAlarm, datapoints, TreatMissingData.missing, missing);
        assertState(datapointsToAlarm, datapoints, TreatMissingData.ignore, ignore);
        assertState(datapointsToAlarm, datapoints, TreatMissingData.breaching, breaching);
        assertState(datapointsToAlarm, datapoints, TreatMissingData.notBreaching, notBreaching);
    }

    private static void assertState(int m, String datapoints, TreatMissingData treatment, String expected) {
        AlarmDefinition alarm = alarm(m, 3, treatment);
        assertThat(AlarmEvaluator.evaluationRange(alarm)).isEqualTo(5);
        for (AlarmState current : new AlarmState[] {AlarmState.OK, AlarmState.ALARM}) {
            AlarmState state =
                    AlarmEvaluator.evaluate(alarm, periods(datapoints), current).state();
            AlarmState wanted = expected.equals(RETAIN) ? current : AlarmState.valueOf(expected);
            assertThat(state)
                    .as("%s with %s from %s", datapoints, treatment, current)
                    .isEqualTo(wanted);
        }
    }
}
