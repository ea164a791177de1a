package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.FleetInstance;
import dev.stowage.domain.placement.FleetView;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.Placement;
import dev.stowage.domain.placement.PlacementPolicy;
import dev.stowage.domain.placement.Plan;
import dev.stowage.domain.placement.ScaleIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Decision time of a round on 200 instances of three types in two zones with 1,000 copies, each round against the
 * same round on the one-type fleet of {@link PackingBenchmark#decisionTime()}, timed in the same run. Runs only with
 * {@code -Dstowage.bench=true} and prints.
 */
@EnabledIfSystemProperty(named = "stowage.bench", matches = "true")
class RoundBenchmark {
    private static final long SEED = 24;
    private static final int RUNS = 1_000;
    private static final int WARM_UP = 500;

    @Test
    void decisionTimeOfARound() {
        Rounds baseline = oneType();
        Rounds mixed =
                Rounds.converge("3 types", MixedFleet.instances(), MixedFleet.targets(SEED), MixedFleet.policy());
        System.out.printf(
                Locale.ROOT,
                "Round decision time: %d copies on 200 instances of 3 types in 2 zones (seed %d) vs %d copies on 200"
                        + " instances of one type; devices used %s and %s; %d runs after %d warm-up, interleaved%n",
                mixed.copies(),
                SEED,
                baseline.copies(),
                mixed.deviceUse(),
                baseline.deviceUse(),
                RUNS,
                WARM_UP);
        System.out.printf(
                Locale.ROOT,
                "  JDK %s (%s), %d processors%n",
                Runtime.version(),
                System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "  (c) loses %d copies (3 types) and %d (1 type) with every 20th of the first 200 instances%n",
                mixed.copies() - mixed.withoutInstances(10, 20).copies().size(),
                baseline.copies() - baseline.withoutInstances(10, 20).copies().size());
        report(
                "(a) converged fleet",
                baseline,
                baseline.converged(),
                baseline.targets(),
                mixed,
                mixed.converged(),
                mixed.targets());
        report(
                "(b) 100 new copies",
                baseline,
                baseline.before(100),
                baseline.targets(),
                mixed,
                mixed.before(100),
                mixed.targets());
        report(
                "(c) 10 instances lost",
                baseline,
                baseline.withoutInstances(10, 20),
                baseline.targets(),
                mixed,
                mixed.withoutInstances(10, 20),
                mixed.targets());
        Rounds oneConsolidating = consolidating(baseline);
        Rounds threeConsolidating = consolidating(mixed);
        report(
                "(d) CONSOLIDATION step",
                oneConsolidating,
                oneConsolidating.converged(),
                oneConsolidating.targets(),
                threeConsolidating,
                threeConsolidating.converged(),
                threeConsolidating.targets());
    }

    /**
     * The converged fleet under CONSOLIDATION (step 2, its cool-down long passed) with MinInstanceCount 1, so that a
     * step tries to empty instance after instance: the most a round of scale-in searches.
     */
    private static Rounds consolidating(Rounds rounds) {
        PlacementPolicy p = rounds.policy();
        PlacementPolicy policy = new PlacementPolicy(
                p.pools(),
                1,
                p.maxInstances(),
                p.coolDown(),
                p.maxMovesPerRound(),
                p.now().plus(Duration.ofHours(1)),
                p.zones(),
                ScaleIn.of(ScaleIn.Strategy.CONSOLIDATION, 2, Duration.ofMinutes(20)));
        return new Rounds(rounds.name(), rounds.converged(), rounds.targets(), policy);
    }

    /**
     * Both calls warmed up, then timed in alternation, so that a pause of the machine or the collector falls on
     * either with the same odds.
     */
    private static double[][] interleaved(Supplier<?> first, Supplier<?> second) {
        for (int i = 0; i < WARM_UP; i++) {
            first.get();
            second.get();
        }
        double[][] millis = new double[2][RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            first.get();
            long middle = System.nanoTime();
            second.get();
            millis[0][i] = (middle - start) / 1e6;
            millis[1][i] = (System.nanoTime() - middle) / 1e6;
        }
        return millis;
    }

    /** The decisions of a plan counted by kind, for example {@code [ScheduleCopy=100]}. */
    private static String kinds(Plan plan) {
        return plan.decisions().stream()
                .collect(Collectors.groupingBy(d -> d.getClass().getSimpleName(), TreeMap::new, Collectors.counting()))
                .toString();
    }

    private static Rounds oneType() {
        Workload workload = PackingBenchmark.thousandCopies();
        List<FleetInstance> instances = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            instances.add(FleetInstance.running("i-" + i, workload.shape(), FromScratch.T0));
        }
        PlacementPolicy keepAll =
                new PlacementPolicy(workload.shape(), 200, 200, Duration.ofMinutes(10), 2, FromScratch.T0);
        return Rounds.converge("one type", instances, workload.targets(), keepAll);
    }

    private static void report(
            String what,
            Rounds one,
            FleetView oneFleet,
            Map<String, IcTarget> oneTargets,
            Rounds three,
            FleetView threeFleet,
            Map<String, IcTarget> threeTargets) {
        String oneDecisions = kinds(Placement.plan(oneFleet, oneTargets, one.policy()));
        String threeDecisions = kinds(Placement.plan(threeFleet, threeTargets, three.policy()));
        double[][] times = interleaved(
                () -> Placement.plan(threeFleet, threeTargets, three.policy()),
                () -> Placement.plan(oneFleet, oneTargets, one.policy()));
        double[] a = times[0];
        double[] b = times[1];
        System.out.printf(
                Locale.ROOT,
                "  %-24s 3 types p50 %6.2f ms p99 %6.2f ms %s | 1 type p50 %6.2f ms p99 %6.2f ms"
                        + " %s | ratio p50 %.1fx p99 %.1fx%n",
                what,
                PackingBenchmark.pct(a, 50),
                PackingBenchmark.pct(a, 99),
                threeDecisions,
                PackingBenchmark.pct(b, 50),
                PackingBenchmark.pct(b, 99),
                oneDecisions,
                PackingBenchmark.pct(a, 50) / PackingBenchmark.pct(b, 50),
                PackingBenchmark.pct(a, 99) / PackingBenchmark.pct(b, 99));
    }
}
