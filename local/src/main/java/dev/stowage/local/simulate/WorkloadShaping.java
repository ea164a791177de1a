package dev.stowage.local.simulate;

import java.util.SplittableRandom;

/**
 * What {@code --rate-scale}, {@code --compress} and {@code --seed} do to a trace. A rate scale below 1 keeps each
 * request with that probability, above 1 repeats it (the whole part, plus one more with the fraction's probability);
 * compression divides every time by {@code compress}, so a 14-day trace runs in 14 / N days at N times the rate. Each
 * component draws from its own generator, seeded from the seed and its name, so one component's draws do not depend
 * on which others the workload has.
 */
public record WorkloadShaping(double rateScale, int compress, long seed) {
    public static final WorkloadShaping NONE = new WorkloadShaping(1, 1, 0);

    public WorkloadShaping {
        if (!(rateScale > 0) || !Double.isFinite(rateScale) || compress < 1) {
            throw new IllegalArgumentException("rate scale must be positive and compression at least 1");
        }
    }

    /** Trace time in milliseconds, compressed. */
    public long time(double traceMillis) {
        return Math.round(traceMillis / compress);
    }

    /** How many requests stand for one request of the trace: 0, 1 or more. */
    public int copies(SplittableRandom random) {
        return round(rateScale, random);
    }

    /** {@code expected} requests rounded up or down at random, so that the mean is kept. */
    public static int round(double expected, SplittableRandom random) {
        double whole = Math.floor(expected);
        return (int) whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    /** The generator of one component (or one component's window, with {@code salt}). */
    public SplittableRandom random(String component, long salt) {
        long mixed = seed * 0x9E3779B97F4A7C15L + component.hashCode();
        return new SplittableRandom(mixed * 31 + salt);
    }
}
