package dev.stowage.domain.routing.sim;

import java.util.SplittableRandom;

/**
 * A seeded request trace: Poisson arrivals at unit rate (scaled to any rate, so every utilisation and every
 * strategy sees the same sequence: common random numbers), an output length and an entry host per request.
 */
record Trace(double[] unitArrivals, int[] tokens, int[] entryHost) {

    static Trace generate(long seed, int requests, int hosts) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] arrivals = new double[requests];
        int[] tokens = new int[requests];
        int[] entry = new int[requests];
        double t = 0;
        for (int i = 0; i < requests; i++) {
            t += -Math.log(1 - random.nextDouble());
            arrivals[i] = t;
            tokens[i] = OutputLengths.draw(random);
            entry[i] = random.nextInt(hosts);
        }
        return new Trace(arrivals, tokens, entry);
    }

    int size() {
        return tokens.length;
    }

    double meanTokens() {
        long sum = 0;
        for (int t : tokens) {
            sum += t;
        }
        return (double) sum / tokens.length;
    }

    /** Requests per second that make {@code utilisation} of the model's peak token throughput. */
    double rateFor(double utilisation, ServingModel model) {
        return utilisation * model.peakTokensPerSecond() / meanTokens();
    }
}
