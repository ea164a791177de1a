package dev.stowage.domain.routing.sim;

import static dev.stowage.domain.routing.RoutingStrategy.LEAST_OUTSTANDING_REQUESTS;
import static dev.stowage.domain.routing.RoutingStrategy.RANDOM;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The routing figures for docs/benchmarks.md: simulated end-to-end latency of RANDOM and
 * LEAST_OUTSTANDING_REQUESTS on the same trace (common random numbers) at 50, 70 and 90 % utilisation. Simulated
 * latencies of the policies, not measurements of the data plane. Runs only with {@code -Dstowage.bench=true}.
 */
@EnabledIfSystemProperty(named = "stowage.bench", matches = "true")
class RoutingBenchmark {
    private static final long TRACE_SEED = 4;
    private static final long ROUTER_SEED = 11;
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 200_000;
    private static final int COOL_DOWN = 10_000;
    private static final double[] UTILISATIONS = {0.5, 0.7, 0.9};

    @Test
    void latencyByStrategy() {
        ServingModel base = ServingModel.llm();
        Trace trace = Trace.generate(TRACE_SEED, WARM_UP + MEASURED + COOL_DOWN, base.hosts());
        printParameters(base, trace);
        header();
        for (double staleness : new double[] {0, 0.005}) {
            for (double utilisation : UTILISATIONS) {
                row(base.withStaleness(staleness), trace, utilisation);
            }
        }
        System.out.println("Sensitivity at 90 %:");
        header();
        row(base.withStaleness(0.5), trace, 0.9);
        row(base.withConcurrencyLimit(base.batchSlots()), trace, 0.9);
        row(base.withConcurrencyLimit(base.batchSlots()).withStaleness(0.005), trace, 0.9);
        System.out.println("What drives the tail: copies that serve one request at a time (no batching), same trace:");
        header();
        ServingModel unbatched = new ServingModel(base.copies(), base.hosts(), 1, 64, base.tokenTime(), 0, 0);
        for (double utilisation : UTILISATIONS) {
            row(unbatched, trace, utilisation);
        }
    }

    private static void printParameters(ServingModel model, Trace trace) {
        System.out.printf(
                Locale.ROOT,
                "Routing simulation: %d copies on %d hosts; batch %d slots; router limit per copy %d; step %.0f ms"
                        + " x (1 + %.2f (active - 1)); peak %.0f tokens/s in all%n",
                model.copies(),
                model.hosts(),
                model.batchSlots(),
                model.concurrencyLimit(),
                model.tokenTime() * 1000,
                model.alpha(),
                model.peakTokensPerSecond());
        System.out.printf(
                Locale.ROOT,
                "  output tokens: log-normal mu %.3f sigma %.1f capped at %d, trace mean %.1f; Poisson arrivals;"
                        + " %,d requests measured after %,d warm-up (trace seed %d, router seed %d)%n",
                OutputLengths.MU,
                OutputLengths.SIGMA,
                OutputLengths.CAP,
                trace.meanTokens(),
                MEASURED,
                WARM_UP,
                TRACE_SEED,
                ROUTER_SEED);
    }

    private static void header() {
        System.out.println(
                "  limit stale_ms util  req/s | RANDOM p50      p99 |  LOR p50      p99 | p50 ratio p99 ratio"
                        + " | wait p99 R / LOR  ratio | mean wait R / LOR | queued R / LOR | max outst. R / LOR");
    }

    private static void row(ServingModel model, Trace trace, double utilisation) {
        double rate = trace.rateFor(utilisation, model);
        SimResult random = RoutingSimulation.run(model, RANDOM, trace, rate, WARM_UP, MEASURED, ROUTER_SEED);
        SimResult lor =
                RoutingSimulation.run(model, LEAST_OUTSTANDING_REQUESTS, trace, rate, WARM_UP, MEASURED, ROUTER_SEED);
        System.out.printf(
                Locale.ROOT,
                "  %5d %8.0f %3.0f %% %6.2f | %8.2f s %6.2f s | %6.2f s %6.2f s | %9.3f %9.3f"
                        + " | %6.2f s / %5.2f s %6.3f | %6.3f s / %6.3f s | %7d / %d | %d / %d%n",
                model.concurrencyLimit(),
                model.staleness() * 1000,
                utilisation * 100,
                rate,
                random.quantile(0.5),
                random.quantile(0.99),
                lor.quantile(0.5),
                lor.quantile(0.99),
                lor.quantile(0.5) / random.quantile(0.5),
                lor.quantile(0.99) / random.quantile(0.99),
                random.waitQuantile(0.99),
                lor.waitQuantile(0.99),
                random.waitQuantile(0.99) > 0 ? lor.waitQuantile(0.99) / random.waitQuantile(0.99) : Double.NaN,
                random.meanWait(),
                lor.meanWait(),
                random.queuedAtRouter(),
                lor.queuedAtRouter(),
                random.maxOutstanding(),
                lor.maxOutstanding());
    }
}
