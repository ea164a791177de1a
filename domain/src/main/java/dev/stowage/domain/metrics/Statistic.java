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
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        return of(values, ones);
    }

    /**
     * The statistic of {@code values}, each standing for {@code weights[i]} samples (a percentile is the value at that
     * nearest rank among all samples).
     */
    public double of(double[] values, double[] weights) {
        if (values.length == 0 || values.length != weights.length) {
            throw new IllegalArgumentException("values must not be empty and match weights");
        }
        double count = Arrays.stream(weights).sum();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * weights[i];
        }
        return switch (kind) {
            case SUM -> sum;
            case AVERAGE -> sum / count;
            case MINIMUM -> Arrays.stream(values).min().orElseThrow();
            case MAXIMUM -> Arrays.stream(values).max().orElseThrow();
            case SAMPLE_COUNT -> count;
            case PERCENTILE -> percentile(values, weights, count);
        };
    }

    private double percentile(double[] values, double[] weights, double count) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double rank = Math.max(1, Math.ceil(percentile / 100.0 * count));
        double seen = 0;
        for (int i : order) {
            seen += weights[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        return values[order[order.length - 1]];
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
