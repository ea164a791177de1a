package dev.stowage.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Output lengths: a seeded log-normal with mean {@link #MEAN_TOKENS}, capped at {@link #MAX_TOKENS}. */
record Workload(int[] tokens) {
    static final double MEAN_TOKENS = 340;
    static final double SIGMA = 1.0;
    static final int MAX_TOKENS = 8192;

    static Workload of(SplittableRandom random, int n) {
        double mu = Math.log(MEAN_TOKENS) - SIGMA * SIGMA / 2;
        Random gaussian = new Random(random.nextLong());
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = (int) Math.clamp(Math.round(Math.exp(mu + SIGMA * gaussian.nextGaussian())), 1, MAX_TOKENS);
        }
        return new Workload(tokens);
    }

    int tokens(int i) {
        return tokens[i % tokens.length];
    }

    double meanTokens() {
        return Arrays.stream(tokens).average().orElseThrow();
    }

    /** The mean length of the first {@code n} requests (what one point sends). */
    double meanTokens(int n) {
        return IntStream.range(0, n).map(this::tokens).average().orElse(Double.NaN);
    }

    int tokenPercentile(double p) {
        int[] sorted = tokens.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
