package dev.stowage.domain.routing.sim;

import static dev.stowage.domain.routing.RoutingStrategy.LEAST_OUTSTANDING_REQUESTS;
import static dev.stowage.domain.routing.RoutingStrategy.PREFIX_AWARE;
import static dev.stowage.domain.routing.RoutingStrategy.RANDOM;

import dev.stowage.domain.routing.PrefixAffinity;
import dev.stowage.domain.routing.RoutingStrategy;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 15's figures for docs/benchmarks.md: time to first token of PREFIX_AWARE, LEAST_OUTSTANDING_REQUESTS and
 * RANDOM on the Mooncake conversation trace (with its prefix blocks) at 50, 70 and 90 % load with 4 and 8 copies,
 * and of LOR and RANDOM on the Azure conversation trace, all in one run on {@link PrefixServing}'s simulated copies.
 * Runs only with {@code -Dstowage.bench=true}.
 */
@EnabledIfSystemProperty(named = "stowage.bench", matches = "true")
class PrefixRoutingBenchmark {
    private static final long ENTRY_SEED = 4;
    private static final long ROUTER_SEED = 11;
    private static final int WARM_UP = 1_000;
    private static final double[] LOADS = {0.5, 0.7, 0.9};

    @Test
    void timeToFirstTokenByStrategy() {
        PrefixAffinity affinity = PrefixAffinity.DEFAULT;
        System.out.printf(
                Locale.ROOT,
                "Prefix routing simulation: prefix key depth %d blocks, bound ceil((1 + %.2f) mean + %.0f);"
                        + " measured after %,d warm-up requests (entry seed %d, router seed %d)%n",
                affinity.depth(),
                affinity.epsilon(),
                affinity.slack(),
                WARM_UP,
                ENTRY_SEED,
                ROUTER_SEED);
        for (int blocks : new int[] {1_000, 4_000}) {
            System.out.println("Mooncake conversation trace, " + blocks + " cached blocks per copy, TTFT (s):");
            mooncakeHeader();
            for (int copies : new int[] {4, 8}) {
                PrefixServing model = PrefixServing.llm(copies).withCacheBlocks(blocks);
                LlmTrace trace = LlmTrace.mooncake(model.hosts(), ENTRY_SEED);
                for (double load : LOADS) {
                    mooncakeRow(model, trace, load, affinity);
                }
            }
        }
        System.out.println("Sensitivity, 8 copies at 70 %, 4,000 blocks unless said:");
        mooncakeHeader();
        PrefixServing eight = PrefixServing.llm(8).withCacheBlocks(4_000);
        LlmTrace mooncake = LlmTrace.mooncake(eight.hosts(), ENTRY_SEED);
        for (int blocks : new int[] {250, 16_000}) {
            System.out.println("  cache " + blocks + " blocks:");
            mooncakeRow(eight.withCacheBlocks(blocks), mooncake, 0.7, affinity);
        }
        for (PrefixAffinity other : new PrefixAffinity[] {
            new PrefixAffinity(1, affinity.epsilon(), affinity.slack()),
            new PrefixAffinity(4, affinity.epsilon(), affinity.slack()),
            new PrefixAffinity(affinity.depth(), 0.1, 1),
            new PrefixAffinity(affinity.depth(), 0.5, 2),
            new PrefixAffinity(affinity.depth(), 1.0, 4),
            new PrefixAffinity(affinity.depth(), 1_000, 1_000)
        }) {
            System.out.println("  " + other + ":");
            mooncakeRow(eight, mooncake, 0.7, other);
        }
        System.out.println("Azure conversation trace (no prefixes), TTFT (s):");
        System.out.println(
                "  limit copies load speed-up | RANDOM p50    p99 | LOR p50    p99 | LOR/R p50  p99 | max outst.");
        for (int[] setting : new int[][] {{16, 4}, {16, 8}, {64, 4}, {64, 8}}) {
            int copies = setting[1];
            PrefixServing model = PrefixServing.llm(copies).withConcurrencyLimit(setting[0]);
            LlmTrace azure = LlmTrace.azureConversation(model.hosts(), ENTRY_SEED);
            for (double load : new double[] {0.7, 0.9}) {
                double speedUp = azure.speedUpFor(load, model);
                PrefixResult random = run(model, RANDOM, affinity, azure, speedUp);
                PrefixResult lor = run(model, LEAST_OUTSTANDING_REQUESTS, affinity, azure, speedUp);
                System.out.printf(
                        Locale.ROOT,
                        "  %5d %6d %3.0f %% %7.2f | %9.3f %6.2f | %6.3f %6.2f | %8.3f %5.3f | %d / %d%n",
                        model.concurrencyLimit(),
                        copies,
                        load * 100,
                        speedUp,
                        random.ttft(0.5),
                        random.ttft(0.99),
                        lor.ttft(0.5),
                        lor.ttft(0.99),
                        lor.ttft(0.5) / random.ttft(0.5),
                        lor.ttft(0.99) / random.ttft(0.99),
                        random.maxOutstanding(),
                        lor.maxOutstanding());
            }
        }
    }

    private static void mooncakeHeader() {
        System.out.println("  copies load speed-up | RANDOM p50    p99 | LOR p50    p99 | PREFIX p50    p99 |"
                + " P/LOR p50  p99 | LOR/R p50  p99 | hit R / LOR / P | max outst. | e2e p50 R / LOR / P");
    }

    private static void mooncakeRow(PrefixServing model, LlmTrace trace, double load, PrefixAffinity affinity) {
        double speedUp = trace.speedUpFor(load, model);
        PrefixResult random = run(model, RANDOM, affinity, trace, speedUp);
        PrefixResult lor = run(model, LEAST_OUTSTANDING_REQUESTS, affinity, trace, speedUp);
        PrefixResult prefix = run(model, PREFIX_AWARE, affinity, trace, speedUp);
        System.out.printf(
                Locale.ROOT,
                "  %6d %3.0f %% %7.2f | %9.3f %6.2f | %6.3f %6.2f | %9.3f %6.2f | %8.3f %5.3f | %8.3f %5.3f"
                        + " | %.3f / %.3f / %.3f | %d / %d / %d | %.1f / %.1f / %.1f%n",
                model.copies(),
                load * 100,
                speedUp,
                random.ttft(0.5),
                random.ttft(0.99),
                lor.ttft(0.5),
                lor.ttft(0.99),
                prefix.ttft(0.5),
                prefix.ttft(0.99),
                prefix.ttft(0.5) / lor.ttft(0.5),
                prefix.ttft(0.99) / lor.ttft(0.99),
                lor.ttft(0.5) / random.ttft(0.5),
                lor.ttft(0.99) / random.ttft(0.99),
                random.hitRate(),
                lor.hitRate(),
                prefix.hitRate(),
                random.maxOutstanding(),
                lor.maxOutstanding(),
                prefix.maxOutstanding(),
                random.latency(0.5),
                lor.latency(0.5),
                prefix.latency(0.5));
    }

    private static PrefixResult run(
            PrefixServing model, RoutingStrategy strategy, PrefixAffinity affinity, LlmTrace trace, double speedUp) {
        return PrefixSimulation.run(model, strategy, affinity, trace, speedUp, WARM_UP, ROUTER_SEED);
    }
}
