package dev.stowage.domain.placement.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The scarcity figures for docs/benchmarks.md (issue 14): the ServeGen churn workload of {@link ChurnBenchmark} on a
 * provider that refuses to launch an ml.g6.12xlarge beyond {@value #CAP} of them, with that one pool and with
 * ml.g5.12xlarge as a second pool, against the uncapped pool in the same run. A refused launch is what the reconciler
 * records on AWS ({@code InstanceLaunchFailed}): the instance is dropped and the pool is short for
 * {@code capacityRetryAfter} (10 minutes), or until one of its type registers. Runs only with
 * {@code -Dstowage.bench=true} and prints.
 */
@EnabledIfSystemProperty(named = "stowage.bench", matches = "true")
class ScarcityBenchmark {
    static final int CAP = 20;
    private static final int BUCKET_HOURS = 6;

    @Test
    void scarcity() {
        Optional<ChurnWorkload> serveGen = ChurnBenchmark.serveGen();
        if (serveGen.isEmpty()) {
            return;
        }
        ChurnWorkload workload = serveGen.get();
        ChurnReplay.ScaleInChoice policy = ChurnReplay.ScaleInChoice.none();
        SimulatedFleet.Provider capped = (type, launched) -> !type.equals(PricedPools.G6) || launched < CAP;
        Map<String, ReplayTally> runs = new LinkedHashMap<>();
        runs.put(
                "baseline: ml.g6.12xlarge, no cap",
                ChurnReplay.run(workload, new PricedPools(List.of(PricedPools.G6)), policy, (type, launched) -> true));
        runs.put(
                "one pool: ml.g6.12xlarge capped at " + CAP,
                ChurnReplay.run(workload, new PricedPools(List.of(PricedPools.G6)), policy, capped));
        runs.put(
                "two pools: ml.g6.12xlarge capped at " + CAP + ", then ml.g5.12xlarge",
                ChurnReplay.run(workload, new PricedPools(List.of(PricedPools.G6, PricedPools.G5)), policy, capped));
        runs.put(
                "two pools, CONSOLIDATION step 1, cool-down 20 min (copies return to ml.g6.12xlarge when it has room)",
                ChurnReplay.run(
                        workload,
                        new PricedPools(List.of(PricedPools.G6, PricedPools.G5)),
                        ChurnReplay.ScaleInChoice.consolidation(1, 20),
                        capped));
        ReplayTally baseline = runs.values().iterator().next();
        System.out.printf(
                Locale.ROOT,
                "Scarcity: ServeGen churn (%d components, %.0f h measured), %s unless a row says otherwise, provider"
                        + " refuses ml.g6.12xlarge beyond %d%n",
                workload.demands().size(),
                baseline.hours(),
                policy.name(),
                CAP);
        System.out.printf(
                Locale.ROOT,
                "  | fleet | $ | served copy-hours | $ per served copy-hour | ÷ baseline | not serving p50 / p99 / max"
                        + " | copy-hours not serving | ÷ baseline | launches refused | instance-hours by type |%n");
        for (Map.Entry<String, ReplayTally> e : runs.entrySet()) {
            ReplayTally t = e.getValue();
            StringBuilder types = new StringBuilder();
            t.instanceHoursByType()
                    .forEach((type, hours) -> types.append(String.format(Locale.ROOT, "%s %.0f ", type, hours)));
            double perCopyHour = t.dollars() / t.servedCopyHours();
            System.out.printf(
                    Locale.ROOT,
                    "  | %s | %.0f | %.1f | %.3f | %.3f | %.0f / %.0f / %.0f | %.1f | %.2f | %d | %s|%n",
                    e.getKey(),
                    t.dollars(),
                    t.servedCopyHours(),
                    perCopyHour,
                    perCopyHour / (baseline.dollars() / baseline.servedCopyHours()),
                    t.notServing(50),
                    t.notServing(99),
                    t.notServing(100),
                    t.pendingCopyHours(),
                    t.pendingCopyHours() / baseline.pendingCopyHours(),
                    t.launchFailures,
                    types);
        }
        System.out.printf(Locale.ROOT, "  copies not serving, mean over each %d h:%n", BUCKET_HOURS);
        System.out.print("  | fleet |");
        int buckets = (int) Math.ceil(baseline.hours() / BUCKET_HOURS);
        for (int b = 0; b < buckets; b++) {
            System.out.printf(Locale.ROOT, " %d–%d h |", b * BUCKET_HOURS, (b + 1) * BUCKET_HOURS);
        }
        System.out.println();
        runs.forEach((name, t) -> {
            double[] sum = new double[buckets];
            int[] n = new int[buckets];
            for (double[] s : t.series()) {
                int b = Math.min(buckets - 1, (int) (s[0] / BUCKET_HOURS));
                sum[b] += s[3];
                n[b]++;
            }
            StringBuilder row = new StringBuilder("  | " + name + " |");
            for (int b = 0; b < buckets; b++) {
                row.append(String.format(Locale.ROOT, " %.1f |", n[b] == 0 ? 0 : sum[b] / n[b]));
            }
            System.out.println(row);
        });
    }
}
