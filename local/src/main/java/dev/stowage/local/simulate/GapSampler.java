package dev.stowage.local.simulate;

import java.util.SplittableRandom;

/**
 * Places a window's requests as ServeGen's generator does: gaps drawn from the window's fitted distribution, then
 * rescaled so that the window holds them all. A window with no usable fit gets exponential gaps (Poisson arrivals).
 */
final class GapSampler {
    private GapSampler() {}

    /** {@code count} offsets in [0, 1) of the window, in order. */
    static double[] offsets(RateWindow window, int count, SplittableRandom random) {
        double[] offsets = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += gap(window, random);
            offsets[i] = sum;
        }
        double total = sum + gap(window, random);
        for (int i = 0; i < count; i++) {
            offsets[i] = total > 0 ? offsets[i] / total : (double) i / count;
        }
        return offsets;
    }

    private static double gap(RateWindow window, SplittableRandom random) {
        boolean fitted = window.shape() > 0 && window.scale() > 0;
        return switch (window.pattern()) {
            case GAMMA -> fitted ? gamma(window.shape(), random) * window.scale() : exponential(random);
            case WEIBULL ->
                fitted ? window.scale() * Math.pow(exponential(random), 1 / window.shape()) : exponential(random);
            case NONE -> exponential(random);
        };
    }

    private static double exponential(SplittableRandom random) {
        return -Math.log(1 - random.nextDouble());
    }

    /** Marsaglia and Tsang's method, with the usual boost for shapes below 1. */
    private static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
