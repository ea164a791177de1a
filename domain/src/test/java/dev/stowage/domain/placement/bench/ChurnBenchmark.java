package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.InstancePool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The churn packing figures for docs/benchmarks.md (issue 14): churn workloads replayed through the real placement on
 * a simulated fleet of three priced instance types, under each scale-in policy, against first-fit-decreasing from
 * scratch at every window and the fluid lower bound. Runs only with {@code -Dstowage.bench=true} and prints; the
 * ServeGen traces are read from {@code -Dstowage.traces} (default {@value #TRACES}).
 */
@EnabledIfSystemProperty(named = "stowage.bench", matches = "true")
class ChurnBenchmark {
    static final String TRACES = "/work/shared/traces";
    static final int FIRST_DAY = 1;
    static final int DAYS = 3;
    /** Six hours replayed before the measured days, so the fleet starts warm. */
    static final int WARM_UP = 36;

    static final long SEED = 14;

    @Test
    void churn() {
        List<ChurnWorkload> workloads = new ArrayList<>();
        serveGen().ifPresent(workloads::add);
        workloads.add(SyntheticChurn.generate(SEED, 60, DAYS, WARM_UP));
        PricedPools pools = PricedPools.BY_PRICE;
        System.out.printf(
                Locale.ROOT,
                "Churn packing: pools %s at $%s/hour; MinInstanceCount %d, MaxInstanceCount %d; boot %s, copy removal %s;"
                        + " rounds every %s and at every event; JDK %s, %d processors%n",
                pools.types(),
                pools.types().stream().map(t -> String.valueOf(pools.price(t))).toList(),
                ChurnReplay.MIN,
                ChurnReplay.MAX,
                SimulatedFleet.BOOT,
                SimulatedFleet.REMOVAL,
                ChurnReplay.TICK,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("  ServeGen mapping: " + ServeGenChurn.mapping());
        for (ChurnWorkload workload : workloads) {
            report(workload, pools);
        }
    }

    static java.util.Optional<ChurnWorkload> serveGen() {
        Path language = Path.of(System.getProperty("stowage.traces", TRACES), "servegen", "data", "language");
        if (!Files.isDirectory(language)) {
            System.out.println("No ServeGen traces at " + language + ": only the synthetic workload runs.");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ServeGenChurn.read(language, FIRST_DAY, DAYS, WARM_UP));
    }

    private static void report(ChurnWorkload workload, PricedPools pools) {
        double[] mean = workload.meanCopiesAndDevices();
        System.out.printf(
                Locale.ROOT,
                "%nWorkload %s: %d components, %d windows of %s (%d warm-up), desired copies changed %d times, in %d of"
                        + " %d windows; mean %.1f copies, %.1f devices%n",
                workload.name(),
                workload.demands().size(),
                workload.windows(),
                workload.window(),
                workload.warmUp(),
                workload.countChanges(),
                workload.windowsWithAChange(),
                workload.windows() - 1,
                mean[0],
                mean[1]);
        double windowHours = workload.window().toSeconds() / 3600.0;
        double[] bound = new double[2];
        double[] ffd = new double[2];
        List<InstancePool> priced = pools.pools();
        for (int w = workload.warmUp(); w < workload.windows(); w++) {
            double[] b = FluidBound.of(workload.targets(w), priced);
            double[] f = CheapestFirstFit.pack(workload.targets(w), priced);
            for (int k = 0; k < 2; k++) {
                bound[k] += b[k] * windowHours;
                ffd[k] += f[k] * windowHours;
            }
        }
        Map<String, ReplayTally> tallies = new LinkedHashMap<>();
        for (ChurnReplay.ScaleInChoice choice : List.of(
                ChurnReplay.ScaleInChoice.none(),
                ChurnReplay.ScaleInChoice.idleRelease(),
                ChurnReplay.ScaleInChoice.consolidation(1, 20),
                ChurnReplay.ScaleInChoice.consolidation(2, 20),
                ChurnReplay.ScaleInChoice.consolidation(2, 5))) {
            long start = System.nanoTime();
            tallies.put(choice.name(), ChurnReplay.run(workload, pools, choice, (type, launched) -> true));
            System.out.printf(
                    Locale.ROOT, "  (replayed %s in %.1f s)%n", choice.name(), (System.nanoTime() - start) / 1e9);
        }
        ReplayTally idle = tallies.get("IDLE_RELEASE");
        System.out.printf(
                Locale.ROOT,
                "  measured %.1f h; fluid lower bound $%.0f (%.1f instance-hours on each copy's cheapest type)%n",
                idle.hours(),
                bound[0],
                bound[1]);
        System.out.printf(
                Locale.ROOT,
                "  | policy | instance-hours | ÷ bound | $ | ÷ bound | $ ÷ IDLE_RELEASE | moves/h | not serving p50 / p99"
                        + " | copy-hours not serving |%n");
        for (Map.Entry<String, ReplayTally> e : tallies.entrySet()) {
            ReplayTally t = e.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "  | %s | %.1f | %.3f | %.0f | %.3f | %.3f | %.2f | %.0f / %.0f | %.1f |%n",
                    e.getKey(),
                    t.instanceHours(),
                    t.instanceHours() / bound[1],
                    t.dollars(),
                    t.dollars() / bound[0],
                    t.dollars() / idle.dollars(),
                    t.movesPerHour(),
                    t.notServing(50),
                    t.notServing(99),
                    t.pendingCopyHours());
        }
        System.out.printf(
                Locale.ROOT,
                "  | FFD from scratch every window (cheapest $ per copy) | %.1f | %.3f | %.0f | %.3f | %.3f | – | – | – |%n",
                ffd[1],
                ffd[1] / bound[1],
                ffd[0],
                ffd[0] / bound[0],
                ffd[0] / idle.dollars());
        System.out.printf(
                Locale.ROOT,
                "  | fluid lower bound | %.1f | 1.000 | %.0f | 1.000 | %.3f | – | – | – |%n",
                bound[1],
                bound[0],
                bound[0] / idle.dollars());
        System.out.printf(
                Locale.ROOT,
                "  Why: | policy | settled | quiet (cool-down since last change) | both | CONSOLIDATION steps | empty"
                        + " instance-hours | ≤ half devices held, instance-hours | devices held ÷ paid | instance-hours by type |%n");
        for (Map.Entry<String, ReplayTally> e : tallies.entrySet()) {
            ReplayTally t = e.getValue();
            double[] shares = t.settledQuietBoth();
            StringBuilder types = new StringBuilder();
            t.instanceHoursByType()
                    .forEach((type, hours) -> types.append(String.format(Locale.ROOT, "%s %.0f ", type, hours)));
            System.out.printf(
                    Locale.ROOT,
                    "  | %s | %.1f %% | %.1f %% | %.1f %% | %d | %.1f | %.1f | %.3f | %s|%n",
                    e.getKey(),
                    100 * shares[0],
                    100 * shares[1],
                    100 * shares[2],
                    t.consolidationSteps,
                    t.emptyInstanceHours(),
                    t.halfEmptyInstanceHours(),
                    t.deviceUse(),
                    types);
        }
        System.out.printf(
                Locale.ROOT,
                "  On ml.g5.48xlarge: | policy | device-hours paid | held | held by copies an ml.g6.12xlarge holds |%n");
        tallies.forEach((name, t) -> {
            double[] big = t.bigDeviceHours();
            if (big[0] > 0) {
                System.out.printf(Locale.ROOT, "  | %s | %.0f | %.0f | %.0f |%n", name, big[0], big[1], big[2]);
            }
        });
        ReplayTally consolidation = tallies.get("CONSOLIDATION step 1, cool-down 20 min");
        System.out.printf(
                Locale.ROOT,
                "  Goals: CONSOLIDATION (step 1, 20 min) cost ÷ bound %.3f (goal ≤ 1.10): %s; ÷ IDLE_RELEASE %.3f (goal"
                        + " ≤ 0.80): %s%n",
                consolidation.dollars() / bound[0],
                consolidation.dollars() / bound[0] <= 1.10 ? "met" : "NOT met",
                consolidation.dollars() / idle.dollars(),
                consolidation.dollars() / idle.dollars() <= 0.80 ? "met" : "NOT met");
        writeSeries(workload, tallies);
    }

    /** Instances and $/hour every 10 minutes per policy, as CSV in target/ for plotting elsewhere. */
    private static void writeSeries(ChurnWorkload workload, Map<String, ReplayTally> tallies) {
        StringBuilder csv = new StringBuilder("policy,hour,instances,usd_per_hour,copies_not_serving\n");
        tallies.forEach((name, t) -> t.series()
                .forEach(s -> csv.append(
                        String.format(Locale.ROOT, "\"%s\",%.3f,%.0f,%.3f,%.0f%n", name, s[0], s[1], s[2], s[3]))));
        Path file = Path.of("target", "churn-" + workload.name().replaceAll("\\W+", "-") + ".csv");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("  series: " + file.toAbsolutePath());
    }
}
