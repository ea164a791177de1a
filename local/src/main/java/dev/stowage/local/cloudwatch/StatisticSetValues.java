package dev.stowage.local.cloudwatch;

import java.util.Arrays;

/**
 * Values that stand for a statistic set (sample count, sum, minimum, maximum) in a store that keeps single values:
 * the minimum, the maximum, and the rest of the sum shared equally by the other samples. Sample count, sum, average,
 * minimum and maximum read back exactly; percentiles do not, as CloudWatch does not give them for statistic sets
 * either. A set whose sum its minimum and maximum cannot bound is kept as given, as CloudWatch keeps it.
 */
final class StatisticSetValues {
    private StatisticSetValues() {}

    /**
     * @throws IllegalArgumentException when the set cannot be kept: a sample count that is not a whole number from 1 to
     *     {@code maxCount}, a minimum above the maximum, or a sum that those samples cannot have
     */
    static double[] of(double sampleCount, double sum, double minimum, double maximum, long maxCount) {
        if (sampleCount != Math.rint(sampleCount) || sampleCount < 1 || sampleCount > maxCount) {
            throw new IllegalArgumentException("Stowage's local store keeps sets of 1 to " + maxCount
                    + " whole samples, not " + sampleCount + ".");
        }
        if (minimum > maximum) {
            throw new IllegalArgumentException("Minimum " + minimum + " is greater than Maximum " + maximum + ".");
        }
        int count = (int) sampleCount;
        if (count == 1) {
            return new double[] {sum};
        }
        double[] values = new double[count];
        values[0] = minimum;
        values[1] = maximum;
        if (count > 2) {
            double rest = (sum - minimum - maximum) / (count - 2);
            Arrays.fill(values, 2, count, rest);
        }
        return values;
    }
}
