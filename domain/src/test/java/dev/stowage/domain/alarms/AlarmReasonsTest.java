package dev.stowage.domain.alarms;

import static dev.stowage.domain.alarms.Alarms.alarm;
import static dev.stowage.domain.alarms.Alarms.periods;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import org.junit.jupiter.api.Test;

/** The reason texts, in CloudWatch's words, and the datapoints a state change reports. */
class AlarmReasonsTest {

    @Test
    void three_breaching_periods_cross_the_threshold() {
        AlarmEvaluation evaluation =
                AlarmEvaluator.evaluate(alarm(3, 3, TreatMissingData.missing), periods("0 0 X X X"), AlarmState.OK);

        assertThat(evaluation.state()).isEqualTo(AlarmState.ALARM);
        assertThat(evaluation.reason())
                .isEqualTo("Threshold Crossed: 3 out of the last 3 datapoints [5.0 (25/11/26 10:04:00), 5.0 (25/11/26"
                        + " 10:03:00), 5.0 (25/11/26 10:02:00)] were greater than the threshold (4.0) (minimum 3"
                        + " datapoints for OK -> ALARM transition).");
        assertThat(evaluation.recentDatapoints()).containsExactly(5.0, 5.0, 5.0);
    }

    @Test
    void one_period_within_the_threshold_is_enough_for_ok() {
        AlarmEvaluation evaluation =
                AlarmEvaluator.evaluate(alarm(3, 3, TreatMissingData.missing), periods("X X X X 0"), AlarmState.ALARM);

        assertThat(evaluation.state()).isEqualTo(AlarmState.OK);
        assertThat(evaluation.reason())
                .isEqualTo("Threshold Crossed: 1 out of the last 3 datapoints [1.0 (25/11/26 10:04:00), 5.0 (25/11/26"
                        + " 10:03:00), 5.0 (25/11/26 10:02:00)] was not greater than the threshold (4.0) (minimum 1"
                        + " datapoint for ALARM -> OK transition).");
        assertThat(evaluation.recentDatapoints()).containsExactly(5.0, 5.0, 1.0);
    }

    @Test
    void missing_datapoints_treated_as_breaching_are_named() {
        AlarmEvaluation none = AlarmEvaluator.evaluate(
                alarm(3, 3, TreatMissingData.breaching), periods("- - - - -"), AlarmState.INSUFFICIENT_DATA);
        AlarmEvaluation some =
                AlarmEvaluator.evaluate(alarm(2, 3, TreatMissingData.breaching), periods("0 - X - -"), AlarmState.OK);

        assertThat(none.reason())
                .isEqualTo("Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were"
                        + " treated as [Breaching] (minimum 3 datapoints for INSUFFICIENT_DATA -> ALARM transition).");
        assertThat(none.recentDatapoints()).isEmpty();
        assertThat(some.reason())
                .isEqualTo("Threshold Crossed: 1 out of the last 3 datapoints [5.0 (25/11/26 10:02:00), 1.0 (25/11/26"
                        + " 10:00:00)] was greater than the threshold (4.0) and 1 missing datapoint was treated as"
                        + " [Breaching] (minimum 2 datapoints for OK -> ALARM transition).");
    }

    @Test
    void no_data_is_insufficient() {
        AlarmEvaluation evaluation = AlarmEvaluator.evaluate(
                alarm(3, 3, TreatMissingData.missing), periods("- - - - -"), AlarmState.INSUFFICIENT_DATA);

        assertThat(evaluation.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(evaluation.reason()).isEqualTo("Insufficient Data: 3 datapoints were unknown.");
    }

    @Test
    void comparisons_are_worded_as_cloudwatch_words_them() {
        assertThat(AlarmReasons.words(AlarmDefinition.ComparisonOperator.LessThanOrEqualToThreshold))
                .isEqualTo("less than or equal to");
        assertThat(AlarmReasons.words(AlarmDefinition.ComparisonOperator.GreaterThanOrEqualToThreshold))
                .isEqualTo("greater than or equal to");
    }
}
