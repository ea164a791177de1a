package dev.stowage.domain.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many samples of one metric in ten seconds, kept as at most three weighted values: the minimum, the maximum, and the
 * mean of the rest standing for all the others. Sample count, sum, average, minimum and maximum read back exactly;
 * percentiles are approximate (as CloudWatch gives none for statistic sets). Alarm periods (10, 20, 30 s or whole
 * minutes) are aligned multiples of ten seconds, so a summary never straddles two of them; only one-second reads of
 * high-resolution metrics see folded samples at the start of their ten seconds.
 */
public final class SampleSummaries {
    /** The span folded into one summary. */
    public static final long FOLDED_SECONDS = 10;

    private SampleSummaries() {}

    /** The weighted values of a statistic set; {@code sampleCount} at least 1. */
    public static List<double[]> ofStatisticSet(double sampleCount, double sum, double minimum, double maximum) {
        if (sampleCount <= 1) {
            return List.of(new double[] {sum, sampleCount});
        }
        if (sampleCount <= 2) {
            return List.of(new double[] {minimum, sampleCount / 2}, new double[] {maximum, sampleCount / 2});
        }
        return List.of(new double[] {minimum, 1}, new double[] {maximum, 1}, new double[] {
            (sum - minimum - maximum) / (sampleCount - 2), sampleCount - 2
        });
    }

    /**
     * {@code data} with the samples of each metric, dimensions, unit and {@value #FOLDED_SECONDS} seconds folded into
     * at most three weighted values stamped at the start of those seconds, oldest first.
     */
    public static List<MetricDatum> fold(List<MetricDatum> data) {
        Map<String, List<MetricDatum>> seconds = new LinkedHashMap<>();
        for (MetricDatum datum : data) {
            String key = datum.namespace() + "\u0000" + datum.name() + "\u0000" + datum.dimensions() + "\u0000"
                    + datum.unit() + "\u0000" + bucket(datum.timestamp());
            seconds.computeIfAbsent(key, k -> new ArrayList<>()).add(datum);
        }
        List<MetricDatum> folded = new ArrayList<>();
        seconds.values().forEach(samples -> folded.addAll(summary(samples)));
        folded.sort(Comparator.comparing(MetricDatum::timestamp));
        return folded;
    }

    private static long bucket(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), FOLDED_SECONDS) * FOLDED_SECONDS;
    }

    private static List<MetricDatum> summary(List<MetricDatum> samples) {
        if (samples.size() <= 3) {
            return samples;
        }
        double count = 0;
        double sum = 0;
        MetricDatum min = samples.getFirst();
        MetricDatum max = samples.getFirst();
        for (MetricDatum sample : samples) {
            count += sample.weight();
            sum += sample.value() * sample.weight();
            min = sample.value() < min.value() ? sample : min;
            max = sample.value() > max.value() ? sample : max;
        }
        Instant second = Instant.ofEpochSecond(bucket(samples.getFirst().timestamp()));
        MetricDatum any = samples.getFirst();
        List<MetricDatum> out = new ArrayList<>();
        for (double[] weighted : ofStatisticSet(count, sum, min.value(), max.value())) {
            out.add(any.as(weighted[0], weighted[1], second));
        }
        return out;
    }
}
