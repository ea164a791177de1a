package dev.stowage.domain.routing.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Requests to {@code adapters} adapters of one base component: the prompt and output lengths of a real trace, in
 * its order, with Poisson arrivals instead of the trace's times, and each request's adapter drawn from a Zipf law
 * (the adapter of rank k has weight 1 / k^s). The gaps and the adapters are drawn once per seed, so every load
 * replays the same sequence at a different speed.
 */
record AdapterWorkload(LlmTrace lengths, int adapters, double zipf, int[] adapterOf, double[] unitGaps) {

    static AdapterWorkload of(LlmTrace lengths, int adapters, double zipf, long seed) {
        SplittableRandom arrivals = new SplittableRandom(seed);
        SplittableRandom mix = new SplittableRandom(seed + 1);
        double[] cumulative = new double[adapters];
        double sum = 0;
        for (int k = 0; k < adapters; k++) {
            sum += 1 / Math.pow(k + 1, zipf);
            cumulative[k] = sum;
        }
        int n = lengths.size();
        int[] adapterOf = new int[n];
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) {
            gaps[i] = -Math.log(1 - arrivals.nextDouble());
            int at = Arrays.binarySearch(cumulative, mix.nextDouble() * sum);
            adapterOf[i] = Math.min(adapters - 1, at >= 0 ? at : -at - 1);
        }
        return new AdapterWorkload(lengths, adapters, zipf, adapterOf, gaps);
    }

    /** The trace at {@code load} of the model's capacity (offered work as {@link LlmTrace#speedUpFor}, no loads). */
    LlmTrace at(double load, PrefixServing model) {
        double rate = load * model.copies() / lengths.meanWork(model);
        double[] arrivals = new double[unitGaps.length];
        double t = 0;
        for (int i = 0; i < arrivals.length; i++) {
            t += unitGaps[i] / rate;
            arrivals[i] = t;
        }
        return lengths.withArrivals(arrivals);
    }

    /** The share of requests that name the most popular adapter. */
    double topShare() {
        return (double) Arrays.stream(adapterOf).filter(a -> a == 0).count() / adapterOf.length;
    }

    AdapterLoads loads(int resident, double loadSeconds, boolean blocksEngine) {
        return new AdapterLoads(adapterOf, adapters, resident, loadSeconds, blocksEngine);
    }
}
