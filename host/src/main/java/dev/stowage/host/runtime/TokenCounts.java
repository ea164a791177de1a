package dev.stowage.host.runtime;

import java.util.SplittableRandom;

/**
 * How many tokens a simulated generation produces when the request does not say: log-normal, long-tailed like
 * real chat outputs (mean about 340 tokens, median about 206), at least 1 and capped at 2048. Deterministic for a
 * seed; safe for concurrent use.
 */
final class TokenCounts {
    static final int CAP = 2048;
    private static final double SIGMA = 1.0;
    private static final double MU = Math.log(340) - SIGMA * SIGMA / 2;

    private final SplittableRandom random;

    TokenCounts(long seed) {
        this.random = new SplittableRandom(seed);
    }

    synchronized int next() {
        double gaussian = gaussian();
        long tokens = Math.round(Math.exp(MU + SIGMA * gaussian));
        return (int) Math.max(1, Math.min(CAP, tokens));
    }

    /** A random source for one request, split off so concurrent requests stay deterministic per draw order. */
    synchronized SplittableRandom split() {
        return random.split();
    }

    private double gaussian() {
        // Box–Muller; SplittableRandom has no nextGaussian on release 21.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
