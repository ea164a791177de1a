package dev.stowage.bench;

import static dev.stowage.bench.DataPlaneBenchmark.BATCH_SLOWDOWN;
import static dev.stowage.bench.DataPlaneBenchmark.COPIES;
import static dev.stowage.bench.DataPlaneBenchmark.COPY_CONCURRENCY;
import static dev.stowage.bench.DataPlaneBenchmark.MAX_BATCH;
import static dev.stowage.bench.DataPlaneBenchmark.SEED;
import static dev.stowage.bench.DataPlaneBenchmark.TOKEN_MS;
import static dev.stowage.bench.DataPlaneBenchmark.invokeLlm;
import static dev.stowage.bench.DataPlaneBenchmark.limitOf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.model.RoutingStrategy;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * The data-plane benchmark's routing scenario: a copy's speed alone and the capacity of the LEAST_OUTSTANDING_REQUESTS
 * endpoint are measured first; then, for each utilisation, both endpoints get the same open-loop Poisson arrivals
 * with the same log-normal output lengths (seeded), and the p50 and p99 of RANDOM and LEAST_OUTSTANDING_REQUESTS are
 * printed as a table with their ratios.
 */
final class RoutingUnderLoad {
    static final double[] UTILISATIONS = {0.5, 0.7, 0.9};

    private RoutingUnderLoad() {}

    /** One measured point: latencies (ns) of the requests that succeeded, and how many failed. */
    record Point(
            String strategy,
            double utilisation,
            double rate,
            long[] sorted,
            int failed,
            double achievedRate,
            Map<String, Integer> failures) {
        double p(double percentile) {
            return Latencies.percentileMillis(sorted, percentile);
        }

        /** Little's law: the mean number of requests in flight, from what was measured. */
        double meanInFlight() {
            return achievedRate * Latencies.meanMillis(sorted) / 1000.0;
        }
    }

    /** Calibrates, drives every point on both endpoints, prints each and the table; returns the points in order. */
    static List<Point> measure(DataPlaneBenchmark.Settings settings, SageMakerRuntimeClient runtime, PrintStream out)
            throws InterruptedException {
        List<Point> points = new ArrayList<>();
        // Warm-up, then a copy's speed alone (one request at a time) and the capacity: 64 equal requests at once on
        // dp-lor, which gives each copy a full batch of 16. Each is measured twice, with requests of L and 2L
        // tokens, and the difference taken: what a request costs besides decoding (connections, the proxy hop,
        // the SDK, batches filling up) cancels out.
        Workload sequence = Workload.of(new SplittableRandom(SEED), 20_000);
        for (int i = 0; i < 20; i++) {
            invokeLlm(runtime, "dp-random", "llm-random", 64);
            invokeLlm(runtime, "dp-lor", "llm-lor", 64);
        }
        int calibrationTokens = settings.calibrationTokens();
        double aloneMsPerToken =
                (alone(runtime, 2 * calibrationTokens) - alone(runtime, calibrationTokens)) / calibrationTokens;
        Burst shortBurst = burst(runtime, "dp-lor", "llm-lor", COPIES * MAX_BATCH, calibrationTokens);
        Burst longBurst = burst(runtime, "dp-lor", "llm-lor", COPIES * MAX_BATCH, 2 * calibrationTokens);
        double capacity = longBurst.tokensPerSecondBeyond(shortBurst);
        double slowdownAtLimit = 1 + BATCH_SLOWDOWN * (MAX_BATCH - 1);
        out.printf(
                Locale.ROOT,
                "llm-sim STOWAGE_TOKEN_MS=%d STOWAGE_BATCH_SLOWDOWN=%.2f STOWAGE_MAX_BATCH=%d (a batch of %d decodes"
                        + " %.1fx slower each than one); workload: log-normal sigma %.1f, mean %.1f tokens (p50 %d,"
                        + " p99 %d, max %d, capped at %d)%n"
                        + "alone: %.3f ms/token (one request at a time, %d and %d tokens); capacity: %d requests at"
                        + " once on dp-lor, %d ok of %d tokens in %.0f ms and %d ok of %d tokens in %.0f ms -> %.0f"
                        + " tokens/s (configured: %d copies x %d / (%d ms x %.1f) = %.0f tokens/s); the router lets"
                        + " a copy have %d requests at once (RANDOM's component %d, LOR's %d)%n",
                TOKEN_MS,
                BATCH_SLOWDOWN,
                MAX_BATCH,
                MAX_BATCH,
                slowdownAtLimit,
                Workload.SIGMA,
                sequence.meanTokens(),
                sequence.tokenPercentile(50),
                sequence.tokenPercentile(99),
                sequence.tokenPercentile(100),
                Workload.MAX_TOKENS,
                aloneMsPerToken,
                calibrationTokens,
                2 * calibrationTokens,
                COPIES * MAX_BATCH,
                shortBurst.ok(),
                shortBurst.tokens(),
                shortBurst.millis(),
                longBurst.ok(),
                longBurst.tokens(),
                longBurst.millis(),
                capacity,
                COPIES,
                MAX_BATCH,
                TOKEN_MS,
                slowdownAtLimit,
                COPIES * MAX_BATCH / (TOKEN_MS * slowdownAtLimit) * 1000,
                COPY_CONCURRENCY,
                limitOf(RoutingStrategy.RANDOM),
                limitOf(RoutingStrategy.LEAST_OUTSTANDING_REQUESTS));

        for (double u : UTILISATIONS) {
            double rate = u * capacity / sequence.meanTokens();
            Arrivals arrivals = Arrivals.poisson(new SplittableRandom(SEED + (long) (u * 100)), rate, settings.point());
            for (String strategy : List.of("RANDOM", "LEAST_OUTSTANDING_REQUESTS")) {
                boolean random = strategy.equals("RANDOM");
                Point point = drive(
                        runtime,
                        random ? "dp-random" : "dp-lor",
                        random ? "llm-random" : "llm-lor",
                        strategy,
                        u,
                        rate,
                        arrivals,
                        sequence);
                points.add(point);
                out.printf(
                        Locale.ROOT,
                        "  u=%.0f%% %-26s rate %.1f/s (this sample %.1f/s, %.0f%% of capacity in tokens, mean in"
                                + " flight %.1f of %d) ok=%d failed=%d  p50 %.1f ms  p99 %.1f ms%s%n",
                        u * 100,
                        strategy,
                        rate,
                        point.achievedRate(),
                        point.achievedRate() * sequence.meanTokens(arrivals.offsetsNanos().length) / capacity * 100,
                        point.meanInFlight(),
                        COPIES * limitOf(random ? RoutingStrategy.RANDOM : RoutingStrategy.LEAST_OUTSTANDING_REQUESTS),
                        point.sorted().length,
                        point.failed(),
                        point.p(50),
                        point.p(99),
                        point.failures().isEmpty() ? "" : "  failures " + point.failures());
            }
        }
        out.println();
        out.println("| utilisation | arrivals/s | RANDOM p50 | RANDOM p99 | LOR p50 | LOR p99 | LOR÷RANDOM p50 |"
                + " LOR÷RANDOM p99 | failed (R/L) |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i + 1 < points.size(); i += 2) {
            Point r = points.get(i);
            Point l = points.get(i + 1);
            out.printf(
                    Locale.ROOT,
                    "| %.0f %% | %.1f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.3f | %.3f | %d / %d |%n",
                    r.utilisation() * 100,
                    r.rate(),
                    r.p(50),
                    r.p(99),
                    l.p(50),
                    l.p(99),
                    l.p(50) / r.p(50),
                    l.p(99) / r.p(99),
                    r.failed(),
                    l.failed());
        }
        return points;
    }

    /** Requests sent all at once: how many succeeded, and the time from the first send to the last answer. */
    record Burst(int ok, int tokens, double millis) {
        /** The tokens per second this longer burst delivered beyond a shorter one. */
        double tokensPerSecondBeyond(Burst shorter) {
            return ((double) ok * tokens - (double) shorter.ok() * shorter.tokens())
                    / (millis - shorter.millis())
                    * 1000;
        }
    }

    /** The mean time (ms) of 3 requests of {@code tokens} on dp-lor, one at a time. */
    private static double alone(SageMakerRuntimeClient runtime, int tokens) {
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            invokeLlm(runtime, "dp-lor", "llm-lor", tokens);
        }
        return (System.nanoTime() - start) / 1e6 / 3;
    }

    private static Burst burst(SageMakerRuntimeClient runtime, String endpoint, String component, int n, int tokens)
            throws InterruptedException {
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                clients.execute(() -> {
                    try {
                        invokeLlm(runtime, endpoint, component, tokens);
                        ok.incrementAndGet();
                    } catch (RuntimeException e) {
                        // counted as not ok: the capacity is what the successful ones delivered
                    }
                });
            }
        }
        return new Burst(ok.get(), tokens, (System.nanoTime() - start) / 1e6);
    }

    /** Open loop: request i is sent at its scheduled time on its own virtual thread, whatever the others do. */
    private static Point drive(
            SageMakerRuntimeClient runtime,
            String endpoint,
            String component,
            String strategy,
            double utilisation,
            double rate,
            Arrivals arrivals,
            Workload workload)
            throws InterruptedException {
        int n = arrivals.offsetsNanos().length;
        long[] latencies = new long[n];
        AtomicInteger failed = new AtomicInteger();
        ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();
        long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                long due = origin + arrivals.offsetsNanos()[i];
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                int tokens = workload.tokens(i);
                clients.execute(() -> {
                    try {
                        invokeLlm(runtime, endpoint, component, tokens);
                        latencies[index] = System.nanoTime() - due;
                    } catch (RuntimeException e) {
                        latencies[index] = -1;
                        failed.incrementAndGet();
                        String kind = e instanceof AwsServiceException aws
                                ? e.getClass().getSimpleName() + " " + aws.statusCode()
                                : e.getClass().getSimpleName();
                        failures.merge(kind, 1, Integer::sum);
                    }
                });
            }
            clients.shutdown();
            if (!clients.awaitTermination(3, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests still running 3 minutes after the last arrival");
            }
        }
        long[] ok = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        double seconds = arrivals.offsetsNanos().length == 0 ? 1 : arrivals.offsetsNanos()[n - 1] / 1e9;
        return new Point(strategy, utilisation, rate, ok, failed.get(), n / seconds, new TreeMap<>(failures));
    }
}
