package dev.stowage.domain.routing.sim;

import static dev.stowage.domain.routing.RoutingStrategy.LEAST_OUTSTANDING_REQUESTS;
import static dev.stowage.domain.routing.RoutingStrategy.RANDOM;

import dev.stowage.domain.routing.Affinity;
import dev.stowage.domain.routing.RoutingStrategy;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 15's adapter figure for docs/benchmarks.md: 100 adapters on 4 base copies under a Zipf mix, adapter-load
 * misses per 1,000 requests and the time to first token they add, for RANDOM, LEAST_OUTSTANDING_REQUESTS without
 * adapter affinity and with it (ADR 32), all in one run on {@link PrefixServing}'s simulated copies with the Azure
 * conversation trace's lengths. Runs only with {@code -Dstowage.bench=true}.
 */
@EnabledIfSystemProperty(named = "stowage.bench", matches = "true")
class AdapterRoutingBenchmark {
    private static final long ENTRY_SEED = 4;
    private static final long ROUTER_SEED = 11;
    private static final long WORKLOAD_SEED = 15;
    private static final int WARM_UP = 1_000;
    private static final int ADAPTERS = 100;
    private static final double LOAD_SECONDS = 0.3;
    private static final PrefixServing MODEL = PrefixServing.llm(4);

    private record Loads(int resident, double seconds, boolean blocking) {}

    private record Figures(PrefixResult result, PrefixResult zeroLoad, int misses, int measured) {
        double missesPerThousand() {
            return 1_000.0 * misses / measured;
        }

        double addedMs() {
            return 1_000 * (result.meanTtft() - zeroLoad.meanTtft());
        }
    }

    @Test
    void adapterLoadsByRouting() {
        LlmTrace azure = LlmTrace.azureConversation(MODEL.hosts(), ENTRY_SEED);
        System.out.printf(
                Locale.ROOT,
                "Adapter routing simulation: %d copies, %d adapters, load %.0f ms, bound %s; %,d requests, measured"
                        + " after %,d (entry seed %d, router seed %d, workload seed %d)%n",
                MODEL.copies(),
                ADAPTERS,
                LOAD_SECONDS * 1_000,
                Affinity.DEFAULT,
                azure.size(),
                WARM_UP,
                ENTRY_SEED,
                ROUTER_SEED,
                WORKLOAD_SEED);
        AdapterWorkload zipf1 = AdapterWorkload.of(azure, ADAPTERS, 1.0, WORKLOAD_SEED);
        for (boolean blocking : new boolean[] {true, false}) {
            System.out.printf(
                    Locale.ROOT,
                    "Zipf s = 1.0 (top adapter %.1f %% of requests), loads %s:%n",
                    100 * zipf1.topShare(),
                    blocking ? "on the copy's engine (decoding pauses)" : "waited for by the request alone");
            header();
            for (int resident : new int[] {8, 16, 32}) {
                for (double load : new double[] {0.5, 0.7, 0.8, 0.9}) {
                    row(zipf1, resident, load, LOAD_SECONDS, blocking, Affinity.DEFAULT);
                }
            }
        }
        System.out.println("Sensitivity, loads on the engine, 16 resident, 70 % unless said:");
        header();
        for (double s : new double[] {0.8, 1.2}) {
            AdapterWorkload other = AdapterWorkload.of(azure, ADAPTERS, s, WORKLOAD_SEED);
            System.out.printf(Locale.ROOT, "  Zipf s = %.1f (top %.1f %%):%n", s, 100 * other.topShare());
            row(other, 16, 0.7, LOAD_SECONDS, true, Affinity.DEFAULT);
        }
        for (double seconds : new double[] {0.05, 1.0}) {
            System.out.printf(Locale.ROOT, "  load %.0f ms:%n", seconds * 1_000);
            row(zipf1, 16, 0.7, seconds, true, Affinity.DEFAULT);
        }
        for (Affinity bound : new Affinity[] {new Affinity(0.1, 1), new Affinity(0.5, 2), new Affinity(1, 4)}) {
            System.out.println("  " + bound + ":");
            row(zipf1, 16, 0.7, LOAD_SECONDS, true, bound);
        }
    }

    private static void header() {
        System.out.println("  resident load | misses/1000 R / LOR / A | TTFT p50 R / LOR / A (s) | p99 R / LOR / A (s)"
                + " | A/LOR p50 p99 | added mean ms R / LOR / A | LOR no-load p50 p99");
    }

    private static void row(
            AdapterWorkload workload, int resident, double load, double seconds, boolean blocking, Affinity bound) {
        LlmTrace trace = workload.at(load, MODEL);
        Loads loads = new Loads(resident, seconds, blocking);
        Figures random = run(workload, trace, RANDOM, false, loads, bound);
        Figures lor = run(workload, trace, LEAST_OUTSTANDING_REQUESTS, false, loads, bound);
        Figures affine = run(workload, trace, LEAST_OUTSTANDING_REQUESTS, true, loads, bound);
        System.out.printf(
                Locale.ROOT,
                "  %8d %3.0f %% | %6.1f / %6.1f / %6.1f | %.3f / %.3f / %.3f | %.2f / %.2f / %.2f | %.3f %.3f"
                        + " | %.1f / %.1f / %.1f | %.3f %.2f%n",
                resident,
                load * 100,
                random.missesPerThousand(),
                lor.missesPerThousand(),
                affine.missesPerThousand(),
                random.result().ttft(0.5),
                lor.result().ttft(0.5),
                affine.result().ttft(0.5),
                random.result().ttft(0.99),
                lor.result().ttft(0.99),
                affine.result().ttft(0.99),
                affine.result().ttft(0.5) / lor.result().ttft(0.5),
                affine.result().ttft(0.99) / lor.result().ttft(0.99),
                random.addedMs(),
                lor.addedMs(),
                affine.addedMs(),
                lor.zeroLoad().ttft(0.5),
                lor.zeroLoad().ttft(0.99));
    }

    /** One configuration, and the same with loads that cost nothing (what the loads add is the difference). */
    private static Figures run(
            AdapterWorkload workload,
            LlmTrace trace,
            RoutingStrategy strategy,
            boolean routeByAdapter,
            Loads setting,
            Affinity bound) {
        AdapterLoads loads = workload.loads(setting.resident(), setting.seconds(), setting.blocking());
        AdapterLoads free = workload.loads(setting.resident(), 0, setting.blocking());
        PrefixResult result = PrefixSimulation.runAdapters(
                MODEL, strategy, trace, loads, routeByAdapter, bound, WARM_UP, ROUTER_SEED);
        PrefixResult zero =
                PrefixSimulation.runAdapters(MODEL, strategy, trace, free, routeByAdapter, bound, WARM_UP, ROUTER_SEED);
        return new Figures(result, zero, loads.misses(WARM_UP, trace.size()), trace.size() - WARM_UP);
    }
}
