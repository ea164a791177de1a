package dev.stowage.domain.routing.sim;

import static dev.stowage.domain.routing.RoutingStrategy.LEAST_OUTSTANDING_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.routing.Affinity;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Small runs of the adapter simulation, to keep it honest between benchmark runs. */
class AdapterSimulationTest {
    private static final PrefixServing ONE_COPY = PrefixServing.llm(1);
    private static final PrefixServing FOUR_COPIES = PrefixServing.llm(4);

    /** Requests of 800 prompt tokens (0.1 s of prefill) and one output token, {@code gap} seconds apart. */
    private static LlmTrace spaced(int requests, double gap) {
        double[] arrivals = new double[requests];
        int[] input = new int[requests];
        int[] output = new int[requests];
        long[][] blocks = new long[requests][];
        for (int i = 0; i < requests; i++) {
            arrivals[i] = i * gap;
            input[i] = 800;
            output[i] = 1;
            blocks[i] = new long[0];
        }
        return new LlmTrace("spaced", arrivals, input, output, blocks, new int[requests]);
    }

    private static LlmTrace lengths(int requests, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LlmTrace trace = spaced(requests, 1);
        for (int i = 0; i < requests; i++) {
            trace.input()[i] = 200 + random.nextInt(2_000);
            trace.output()[i] = 1 + random.nextInt(400);
            trace.entryHost()[i] = random.nextInt(FOUR_COPIES.hosts());
        }
        return trace;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRequestAloneWaitsForItsAdaptersLoadOnlyWhenItIsNotResident(boolean blocking) {
        LlmTrace trace = spaced(6, 10);
        int[] alternate = {0, 1, 0, 1, 0, 1};
        AdapterLoads one = new AdapterLoads(alternate, 2, 1, 0.3, blocking);
        PrefixResult evicting = PrefixSimulation.runAdapters(
                ONE_COPY, LEAST_OUTSTANDING_REQUESTS, trace, one, true, Affinity.DEFAULT, 0, 3);
        assertThat(one.misses(0, 6)).isEqualTo(6);
        assertThat(evicting.ttft(0.0)).isCloseTo(0.4, Offset.offset(1e-9));
        assertThat(evicting.ttft(1.0)).isCloseTo(0.4, Offset.offset(1e-9));

        AdapterLoads two = new AdapterLoads(alternate, 2, 2, 0.3, blocking);
        PrefixResult resident = PrefixSimulation.runAdapters(
                ONE_COPY, LEAST_OUTSTANDING_REQUESTS, trace, two, true, Affinity.DEFAULT, 2, 3);
        assertThat(two.misses(0, 6)).isEqualTo(2);
        assertThat(resident.ttft(1.0)).isCloseTo(0.1, Offset.offset(1e-9));
    }

    @Test
    void theAdapterMixIsZipfAndTheSameAtEveryLoad() {
        AdapterWorkload workload = AdapterWorkload.of(lengths(20_000, 1), 100, 1.0, 7);
        double harmonic = 0;
        for (int k = 1; k <= 100; k++) {
            harmonic += 1.0 / k;
        }
        assertThat(workload.topShare()).isCloseTo(1 / harmonic, Offset.offset(0.01));
        assertThat(Arrays.stream(workload.adapterOf()).max().orElseThrow()).isEqualTo(99);
        LlmTrace slow = workload.at(0.5, FOUR_COPIES);
        LlmTrace fast = workload.at(0.9, FOUR_COPIES);
        assertThat(slow.arrivals()[100] / fast.arrivals()[100]).isCloseTo(0.9 / 0.5, Offset.offset(1e-9));
    }

    @Test
    void adapterAffinityLoadsFewerAdaptersThanLeastOutstandingAloneAndRunsAreRepeatable() {
        AdapterWorkload workload = AdapterWorkload.of(lengths(4_000, 2), 100, 1.0, 7);
        LlmTrace trace = workload.at(0.5, FOUR_COPIES);
        AdapterLoads blind = workload.loads(16, 0.3, true);
        AdapterLoads affine = workload.loads(16, 0.3, true);
        AdapterLoads again = workload.loads(16, 0.3, true);
        PrefixSimulation.runAdapters(
                FOUR_COPIES, LEAST_OUTSTANDING_REQUESTS, trace, blind, false, Affinity.DEFAULT, 500, 3);
        PrefixResult first = PrefixSimulation.runAdapters(
                FOUR_COPIES, LEAST_OUTSTANDING_REQUESTS, trace, affine, true, Affinity.DEFAULT, 500, 3);
        PrefixResult second = PrefixSimulation.runAdapters(
                FOUR_COPIES, LEAST_OUTSTANDING_REQUESTS, trace, again, true, Affinity.DEFAULT, 500, 3);
        assertThat(affine.misses(500, 4_000)).isLessThan(blind.misses(500, 4_000) * 2 / 3);
        assertThat(second.ttft()).containsExactly(first.ttft());
        assertThat(again.misses(0, 4_000)).isEqualTo(affine.misses(0, 4_000));
        assertThat(first.maxOutstanding()).isLessThanOrEqualTo(FOUR_COPIES.concurrencyLimit());
    }
}
