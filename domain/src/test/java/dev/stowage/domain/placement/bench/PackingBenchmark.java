package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.Decision.ScheduleCopy;
import dev.stowage.domain.placement.FleetCopy;
import dev.stowage.domain.placement.FleetInstance;
import dev.stowage.domain.placement.FleetView;
import dev.stowage.domain.placement.Placement;
import dev.stowage.domain.placement.PlacementPolicy;
import dev.stowage.domain.placement.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures for docs/benchmarks.md: packing quality against the lower bound and first-fit-decreasing, and the
 * time a plan takes. Not a timed test: it runs only with {@code -Dstowage.bench=true} and prints.
 */
@EnabledIfSystemProperty(named = "stowage.bench", matches = "true")
class PackingBenchmark {
    private static final int WORKLOADS = 240;

    @Test
    void packingQuality() {
        double[] ours = new double[WORKLOADS];
        double[] ffd = new double[WORKLOADS];
        int worse = 0;
        int better = 0;
        int notInTwoRounds = 0;
        long copies = 0;
        for (int i = 0; i < WORKLOADS; i++) {
            Workload workload = Workload.generate(1_000 + i);
            int bound =
                    LowerBound.instances(workload.targets(), workload.shape().allocatable());
            FromScratch.Outcome outcome = FromScratch.pack(workload);
            int baseline = FirstFitDecreasing.instances(
                    workload.targets(), workload.shape().allocatable());
            ours[i] = (double) outcome.instances() / bound;
            ffd[i] = (double) baseline / bound;
            worse += outcome.instances() > baseline ? 1 : 0;
            better += outcome.instances() < baseline ? 1 : 0;
            notInTwoRounds += outcome.placedInTwoRounds() ? 0 : 1;
            copies += workload.copies();
        }
        System.out.printf(
                Locale.ROOT,
                "Packing: %d workloads (10-1,000 components, 1-4 copies each, %d copies in all)%n",
                WORKLOADS,
                copies);
        System.out.printf(Locale.ROOT, "  instances / lower bound   median   p95     max%n");
        System.out.printf(
                Locale.ROOT,
                "  Stowage placement         %.3f    %.3f   %.3f%n",
                pct(ours, 50),
                pct(ours, 95),
                pct(ours, 100));
        System.out.printf(
                Locale.ROOT,
                "  first-fit-decreasing      %.3f    %.3f   %.3f%n",
                pct(ffd, 50),
                pct(ffd, 95),
                pct(ffd, 100));
        System.out.printf(
                Locale.ROOT, "  workloads where Stowage used more instances than FFD: %d, fewer: %d%n", worse, better);
        System.out.printf(
                Locale.ROOT, "  workloads not placed in two rounds (request, then schedule): %d%n", notInTwoRounds);
    }

    @Test
    void decisionTime() {
        Workload workload = thousandCopies();
        PlacementPolicy policy = FromScratch.policy(workload);
        List<FleetInstance> instances = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            instances.add(FleetInstance.running("i-" + i, workload.shape(), FromScratch.T0));
        }
        FleetView empty = new FleetView(instances, List.of());
        Plan placing = Placement.plan(empty, workload.targets(), policy);
        FleetView converged = new FleetView(
                instances,
                placing.only(ScheduleCopy.class).stream()
                        .map(PackingBenchmark::loaded)
                        .toList());
        PlacementPolicy keepAll = new PlacementPolicy(workload.shape(), 200, 200, policy.coolDown(), 2, policy.now());
        if (placing.only(ScheduleCopy.class).size() != 1_000
                || !Placement.plan(converged, workload.targets(), keepAll).isEmpty()) {
            throw new AssertionError(
                    "the timing fleet did not converge: " + placing.decisions().size() + " decisions, "
                            + placing.only(ScheduleCopy.class).size() + " scheduled; then "
                            + Placement.plan(converged, workload.targets(), keepAll).decisions().stream()
                                    .limit(3)
                                    .toList());
        }
        System.out.printf(
                Locale.ROOT,
                "Decision time: 1,000 copies, 200 instances (%s), %d runs after %d warm-up%n",
                workload.shapeName(),
                RUNS,
                WARM_UP);
        report(
                "place 1,000 copies on 200 empty instances",
                () -> Placement.plan(empty, workload.targets(), policy),
                () -> FirstFitDecreasing.instances(
                        workload.targets(), workload.shape().allocatable()));
        report(
                "plan on the converged fleet (empty plan)",
                () -> Placement.plan(converged, workload.targets(), keepAll),
                () -> FirstFitDecreasing.instances(
                        workload.targets(), workload.shape().allocatable()));
    }

    static final int RUNS = 300;
    static final int WARM_UP = 200;

    private static void report(String what, Supplier<?> ours, Supplier<?> baseline) {
        double[] a = time(ours);
        double[] b = time(baseline);
        System.out.printf(
                Locale.ROOT,
                "  %-45s p50 %6.2f ms  p99 %6.2f ms | FFD p50 %6.2f ms p99 %6.2f ms | ratio p50 %.1fx p99 %.1fx%n",
                what,
                pct(a, 50),
                pct(a, 99),
                pct(b, 50),
                pct(b, 99),
                pct(a, 50) / pct(b, 50),
                pct(a, 99) / pct(b, 99));
    }

    static double[] time(Supplier<?> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /** An 8-GPU workload of exactly 1,000 copies (of up to 1 device each) that fits 200 instances. */
    static Workload thousandCopies() {
        for (long seed = 0; seed < 10_000; seed++) {
            Workload workload = Workload.generate(seed, 700);
            if (workload.shapeName().startsWith("8-GPU")) {
                var targets = new LinkedHashMap<>(workload.targets());
                int total = 0;
                var it = targets.entrySet().iterator();
                while (it.hasNext()) {
                    var e = it.next();
                    if (e.getValue().demand().uniform().orElseThrow().devices() > 2
                            || total + e.getValue().desiredCopies() > 1_000) {
                        it.remove();
                    } else {
                        total += e.getValue().desiredCopies();
                    }
                }
                Workload trimmed = new Workload(seed, workload.shapeName(), workload.shape(), targets);
                if (total == 1_000
                        && LowerBound.instances(targets, workload.shape().allocatable()) <= 180) {
                    return trimmed;
                }
            }
        }
        throw new IllegalStateException("no seed gives 1,000 copies that fit 200 instances");
    }

    static double pct(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The copy {@code scheduled} placed, once it has loaded. */
    static FleetCopy loaded(ScheduleCopy scheduled) {
        return new FleetCopy(
                scheduled.copyId(),
                scheduled.inferenceComponent(),
                scheduled.instanceId(),
                scheduled.deviceIndices(),
                scheduled.resources(),
                FleetCopy.State.LOADED,
                Optional.empty());
    }
}
