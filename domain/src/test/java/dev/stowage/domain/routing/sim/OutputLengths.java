package dev.stowage.domain.routing.sim;

import java.util.random.RandomGenerator;

/**
 * Output lengths in tokens: log-normal with σ = 1.0 (median ≈ 214, p99 ≈ 2,190 before the cap), capped at
 * 2,048 tokens, with μ = 5.364 chosen so that the capped mean is 340 (≈ 1.2 % of requests hit the cap).
 */
final class OutputLengths {
    static final double MU = 5.364;
    static final double SIGMA = 1.0;
    static final int CAP = 2_048;

    private OutputLengths() {}

    static int draw(RandomGenerator random) {
        double tokens = Math.exp(MU + SIGMA * random.nextGaussian());
        return (int) Math.max(1, Math.min(CAP, Math.round(tokens)));
    }
}
