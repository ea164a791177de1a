package dev.stowage.domain.alarms;

import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import java.util.List;

/**
 * CloudWatch's evaluation of a metric alarm, as "How alarm state is evaluated when data is missing" documents it
 * (Amazon CloudWatch User Guide, "Using Amazon CloudWatch alarms"):
 *
 * <ul>
 *   <li>The alarm reads an evaluation range of {@link #evaluationRange} periods, more than its {@code
 *       EvaluationPeriods} (N): the guide's examples read 5 for 3, and Stowage reads N + {@value #EXTRA_PERIODS}.
 *   <li>With at least N real datapoints in the range, the N most recent ones decide, whatever the missing-data
 *       setting: ALARM when at least {@code DatapointsToAlarm} (M) of them breach, OK otherwise.
 *   <li>With fewer, {@code breaching} and {@code notBreaching} fill the gap with as few missing datapoints as needed
 *       to have N, counted as breaching or not; every real datapoint of the range counts.
 *   <li>{@code missing} and {@code ignore} fill nothing: ALARM when M real datapoints breach; OK when a real one does
 *       not; with none at all, INSUFFICIENT_DATA ({@code missing}) or the current state ({@code ignore}). With only
 *       breaching ones (fewer than M), {@code missing} is INSUFFICIENT_DATA while they are among the last N periods,
 *       and ALARM once the metric has stopped after them (the guide's row "X - - - -"); {@code ignore} keeps the
 *       current state.
 * </ul>
 *
 * Pure: the caller reads the range (see {@link AlarmRange}) and keeps the state.
 */
public final class AlarmEvaluator {
    /** How many more periods than {@code EvaluationPeriods} the evaluation range holds. */
    public static final int EXTRA_PERIODS = 2;

    private AlarmEvaluator() {}

    /** How many periods to read back for {@code alarm}. */
    public static int evaluationRange(AlarmDefinition alarm) {
        return alarm.evaluationPeriods() + EXTRA_PERIODS;
    }

    /**
     * The state {@code alarm} should be in given the values of its evaluation range ({@code range}, oldest first, one
     * per period) and the state it is in.
     */
    public static AlarmEvaluation evaluate(AlarmDefinition alarm, List<PeriodValue> range, AlarmState current) {
        int n = alarm.evaluationPeriods();
        List<PeriodValue> real = range.stream().filter(PeriodValue::present).toList();
        if (real.size() >= n) {
            return filled(alarm, real.subList(real.size() - n, real.size()), 0, current);
        }
        TreatMissingData treatment = alarm.treatMissingData();
        return switch (treatment) {
            case breaching, notBreaching -> filled(alarm, real, n - real.size(), current);
            case missing, ignore -> unfilled(alarm, range, real, current, treatment == TreatMissingData.ignore);
        };
    }

    private static AlarmEvaluation filled(AlarmDefinition alarm, List<PeriodValue> real, int fill, AlarmState current) {
        boolean fillBreaches = alarm.treatMissingData() == TreatMissingData.breaching;
        long breaching = breaching(alarm, real) + (fillBreaches ? fill : 0);
        AlarmState state = breaching >= alarm.datapointsToAlarm() ? AlarmState.ALARM : AlarmState.OK;
        return new AlarmEvaluation(state, AlarmReasons.crossed(alarm, real, fill, state, current), real);
    }

    private static AlarmEvaluation unfilled(
            AlarmDefinition alarm,
            List<PeriodValue> range,
            List<PeriodValue> real,
            AlarmState current,
            boolean ignore) {
        int n = alarm.evaluationPeriods();
        if (real.isEmpty()) {
            return ignore ? kept(current) : insufficient(n);
        }
        long breaching = breaching(alarm, real);
        if (breaching >= alarm.datapointsToAlarm() || breaching < real.size()) {
            return filled(alarm, real, 0, current);
        }
        if (ignore) {
            return kept(current);
        }
        boolean stoppedAfterBreaching = range.subList(Math.max(0, range.size() - n), range.size()).stream()
                .noneMatch(PeriodValue::present);
        if (stoppedAfterBreaching) {
            return new AlarmEvaluation(
                    AlarmState.ALARM, AlarmReasons.crossed(alarm, real, 0, AlarmState.ALARM, current), real);
        }
        return insufficient(n - real.size());
    }

    private static long breaching(AlarmDefinition alarm, List<PeriodValue> real) {
        return real.stream()
                .filter(p -> alarm.comparison().breaches(p.value().orElseThrow(), alarm.threshold()))
                .count();
    }

    private static AlarmEvaluation insufficient(int unknown) {
        return new AlarmEvaluation(AlarmState.INSUFFICIENT_DATA, AlarmReasons.insufficient(unknown), List.of());
    }

    private static AlarmEvaluation kept(AlarmState current) {
        return new AlarmEvaluation(current, AlarmReasons.ignored(current), List.of());
    }
}
