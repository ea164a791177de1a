package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.CopyDemand;
import dev.stowage.domain.placement.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded churn workload of 0-, 1-, 2- and 4-device copies: each component follows a daily curve of its own phase
 * and swing with noise, plus now and then a burst of a few windows, in 10-minute windows, its count moving only when
 * the level is more than 0.75 copies away from it; a quarter are sparse (no copy outside their bursts). One in ten needs more host memory than a 12xlarge has, so only ml.g5.48xlarge hosts it.
 */
final class SyntheticChurn {
    private static final List<Integer> DEVICES = List.of(0, 0, 1, 1, 1, 1, 2, 2, 4, 4);

    private SyntheticChurn() {}

    static ChurnWorkload generate(long seed, int components, int days, int warmUp) {
        Random random = new Random(seed);
        Map<String, CopyDemand> demands = new LinkedHashMap<>();
        Map<String, Duration> loadTimes = new LinkedHashMap<>();
        int windows = days * ServeGenChurn.DAY + warmUp;
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < components; i++) {
            String ic = "ic-" + i;
            int d = DEVICES.get(random.nextInt(DEVICES.size()));
            boolean big = d > 0 && random.nextInt(10) == 0;
            long memoryGib = big ? 200 + 20L * random.nextInt(5) : d == 0 ? 4 + 2L * random.nextInt(7) : d * 20L;
            double cores = d == 0 ? 1 + random.nextInt(4) : d * (4 + random.nextInt(5));
            demands.put(ic, CopyDemand.uniform(Resources.of(cores, d, memoryGib * 1024)));
            loadTimes.put(ic, ChurnWorkload.loadTime(d));
            counts.put(ic, series(random, windows));
        }
        List<Map<String, Integer>> desired = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            Map<String, Integer> window = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                window.put(e.getKey(), e.getValue()[w]);
            }
            desired.add(window);
        }
        return new ChurnWorkload(
                "synthetic (seed " + seed + ")", demands, loadTimes, Duration.ofMinutes(10), warmUp, desired);
    }

    /** A daily curve of random phase and swing around a base of 1–4 copies, or none for a sparse component. */
    private static int[] series(Random random, int windows) {
        boolean sparse = random.nextInt(4) == 0;
        double base = sparse ? 0 : 1 + random.nextInt(4);
        double swing = sparse ? 0 : base * (0.2 + 0.8 * random.nextDouble());
        double phase = random.nextDouble() * 2 * Math.PI;
        double noise = 0.2 + random.nextDouble() * 0.3;
        int[] series = new int[windows];
        int burstLeft = 0;
        int burst = 0;
        int count = (int) base;
        for (int w = 0; w < windows; w++) {
            if (burstLeft == 0 && random.nextDouble() < (sparse ? 0.01 : 0.005)) {
                burstLeft = 1 + random.nextInt(12);
                burst = 1 + random.nextInt(4);
            }
            double level = base
                    + swing * Math.sin(2 * Math.PI * w / ServeGenChurn.DAY + phase)
                    + noise * random.nextGaussian()
                    + (burstLeft > 0 ? burst : 0);
            burstLeft = Math.max(0, burstLeft - 1);
            // as an autoscaler would: a new count only once the level is clearly past it
            if (Math.abs(level - count) > 0.75) {
                count = (int) Math.max(0, Math.min(ServeGenChurn.CAP, Math.round(level)));
            }
            series[w] = count;
        }
        return series;
    }
}
