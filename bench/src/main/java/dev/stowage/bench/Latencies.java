package dev.stowage.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Latency samples per operation, in nanoseconds. Not thread-safe: one per thread, then {@link #merge}d. */
final class Latencies {
    private final Map<String, Samples> byOperation = new LinkedHashMap<>();

    /** Runs {@code call} and records how long it took under {@code operation}. */
    <T> T time(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        byOperation.computeIfAbsent(operation, name -> new Samples()).add(System.nanoTime() - start);
        return result;
    }

    void merge(Latencies other) {
        other.byOperation.forEach((operation, samples) ->
                byOperation.computeIfAbsent(operation, name -> new Samples()).addAll(samples));
    }

    /** The samples of {@code operation}, sorted; empty when it never ran. */
    long[] sorted(String operation) {
        Samples samples = byOperation.get(operation);
        long[] values = samples == null ? new long[0] : Arrays.copyOf(samples.values, samples.size);
        Arrays.sort(values);
        return values;
    }

    /** The {@code p}-th percentile (nearest rank) of sorted samples, in milliseconds; NaN when there are none. */
    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e6;
    }

    static double meanMillis(long[] samples) {
        return samples.length == 0
                ? Double.NaN
                : Arrays.stream(samples).average().orElseThrow() / 1e6;
    }

    private static final class Samples {
        long[] values = new long[1024];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(Samples other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }
    }
}
