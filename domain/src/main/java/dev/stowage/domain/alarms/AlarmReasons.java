package dev.stowage.domain.alarms;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CloudWatch's reason texts, e.g. {@code Threshold Crossed: 3 out of the last 3 datapoints [5.0 (25/11/26 10:03:00),
 * 5.0 (25/11/26 10:02:00), 4.5 (25/11/26 10:01:00)] were greater than the threshold (4.0) (minimum 3 datapoints for OK
 * -> ALARM transition).} Datapoints are listed newest first with their period's start (UTC); numbers print as Java
 * doubles, as CloudWatch prints them.
 */
public final class AlarmReasons {
    /** The reason of a new alarm, before its first evaluation. */
    public static final String INITIAL = "Unchecked: Initial alarm creation";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);

    private AlarmReasons() {}

    static String crossed(
            AlarmDefinition alarm, List<PeriodValue> real, int fill, AlarmState state, AlarmState previous) {
        boolean toAlarm = state == AlarmState.ALARM;
        String fillTreatment = alarm.treatMissingData() == AlarmDefinition.TreatMissingData.breaching
                ? "[Breaching]"
                : "[NonBreaching]";
        StringBuilder text = new StringBuilder("Threshold Crossed: ");
        if (real.isEmpty()) {
            text.append("no datapoints were received for ")
                    .append(count(fill, "period"))
                    .append(" and ")
                    .append(count(fill, "missing datapoint"))
                    .append(wasWere(fill))
                    .append(" treated as ")
                    .append(fillTreatment);
        } else {
            long matching = real.stream()
                    .filter(p -> alarm.comparison().breaches(p.value().orElseThrow(), alarm.threshold()) == toAlarm)
                    .count();
            text.append(matching)
                    .append(" out of the last ")
                    .append(real.size() + fill)
                    .append(" datapoints ")
                    .append(listed(real))
                    .append(wasWere(matching))
                    .append(toAlarm ? " " : " not ")
                    .append(words(alarm.comparison()))
                    .append(" the threshold (")
                    .append(alarm.threshold())
                    .append(")");
            if (fill > 0) {
                text.append(" and ")
                        .append(count(fill, "missing datapoint"))
                        .append(wasWere(fill))
                        .append(" treated as ")
                        .append(fillTreatment);
            }
        }
        int minimum = toAlarm ? alarm.datapointsToAlarm() : alarm.evaluationPeriods() - alarm.datapointsToAlarm() + 1;
        return text.append(" (minimum ")
                .append(count(minimum, "datapoint"))
                .append(" for ")
                .append(previous)
                .append(" -> ")
                .append(state)
                .append(" transition).")
                .toString();
    }

    static String insufficient(int unknown) {
        return "Insufficient Data: " + count(unknown, "datapoint") + wasWere(unknown) + " unknown.";
    }

    static String ignored(AlarmState current) {
        return "Missing data ignored: the alarm stays " + current + ".";
    }

    /** How CloudWatch words a comparison in reasons: {@code greater than or equal to}. */
    public static String words(AlarmDefinition.ComparisonOperator comparison) {
        return switch (comparison) {
            case GreaterThanOrEqualToThreshold -> "greater than or equal to";
            case GreaterThanThreshold -> "greater than";
            case LessThanThreshold -> "less than";
            case LessThanOrEqualToThreshold -> "less than or equal to";
        };
    }

    private static String listed(List<PeriodValue> real) {
        return real.reversed().stream()
                .map(p -> p.value().orElseThrow() + " (" + WHEN.format(p.start()) + ")")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String wasWere(long n) {
        return n == 1 ? " was" : " were";
    }
}
