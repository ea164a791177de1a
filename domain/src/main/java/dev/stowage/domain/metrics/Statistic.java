package dev.stowage.domain.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * A CloudWatch statistic over the datapoints of one period: {@code Sum}, {@code Average}, {@code Minimum}, {@code
 * Maximum}, {@code SampleCount} or a percentile {@code pNN} (e.g. {@code p50}, {@code p99}, {@code p99.9}), the
 * nearest-rank value. {@code percentile} is meaningful for {@link Kind#PERCENTILE} only.
 */
public record Statistic(Kind kind, double percentile) {
    public enum Kind {
        SUM,
        AVERAGE,
        MINIMUM,
        MAXIMUM,
        SAMPLE_COUNT,
        PERCENTILE
    }

    public static final Statistic SUM = new Statistic(Kind.SUM, 0);
    public static final Statistic AVERAGE = new Statistic(Kind.AVERAGE, 0);
    public static final Statistic MAXIMUM = new Statistic(Kind.MAXIMUM, 0);
    public static final Statistic SAMPLE_COUNT = new Statistic(Kind.SAMPLE_COUNT, 0);

    /** The statistic CloudWatch names {@code name}; throws {@link IllegalArgumentException} for any other. */
    public static Statistic parse(String name) {
        switch (name) {
            case "Sum" -> {
                return SUM;
            }
            case "Average" -> {
                return AVERAGE;
            }
            case "Minimum" -> {
                return new Statistic(Kind.MINIMUM, 0);
            }
            case "Maximum" -> {
                return MAXIMUM;
            }
            case "SampleCount" -> {
                return SAMPLE_COUNT;
            }
            default -> {
                if (name.matches("p(100(\\.0+)?|\\d{1,2}(\\.\\d+)?)")) {
                    return new Statistic(Kind.PERCENTILE, Double.parseDouble(name.substring(1)));
                }
                throw new IllegalArgumentException("Unknown statistic " + name
                        + "; use Sum, Average, Minimum, Maximum, SampleCount or a percentile such as p99.");
            }
        }
    }

    /** The statistic of {@code values}, which must not be empty. */
    public double of(double[] values) {
        return switch (kind) {
            case SUM -> Arrays.stream(values).sum();
            case AVERAGE -> Arrays.stream(values).average().orElseThrow();
            case MINIMUM -> Arrays.stream(values).min().orElseThrow();
            case MAXIMUM -> Arrays.stream(values).max().orElseThrow();
            case SAMPLE_COUNT -> values.length;
            case PERCENTILE -> {
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
                yield sorted[Math.max(0, rank - 1)];
            }
        };
    }

    /** The name CloudWatch gives it. */
    public String cloudWatchName() {
        return switch (kind) {
            case SUM -> "Sum";
            case AVERAGE -> "Average";
            case MINIMUM -> "Minimum";
            case MAXIMUM -> "Maximum";
            case SAMPLE_COUNT -> "SampleCount";
            case PERCENTILE ->
                "p"
                        + (percentile == Math.rint(percentile)
                                ? String.valueOf((long) percentile)
                                : String.format(Locale.ROOT, "%s", percentile));
        };
    }
}
