package dev.stowage.domain.routing.sim;

import static dev.stowage.domain.routing.RoutingStrategy.LEAST_OUTSTANDING_REQUESTS;
import static dev.stowage.domain.routing.RoutingStrategy.PREFIX_AWARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.stowage.domain.routing.PrefixAffinity;
import dev.stowage.domain.routing.RoutingStrategy;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Small runs of the prefix simulation, to keep it honest between benchmark runs. */
class PrefixSimulationTest {
    private static final PrefixServing MODEL = PrefixServing.llm(4);

    /** Conversations of a few turns, each turn's prompt extending the last one's blocks. */
    private static LlmTrace conversations(int requests, double perSecond, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] arrivals = new double[requests];
        int[] input = new int[requests];
        int[] output = new int[requests];
        long[][] blocks = new long[requests][];
        int[] entry = new int[requests];
        long[][] open = new long[20][];
        long next = 1;
        double t = 0;
        for (int i = 0; i < requests; i++) {
            t += -Math.log(1 - random.nextDouble()) / perSecond;
            arrivals[i] = t;
            int c = random.nextInt(open.length);
            long[] before = open[c] == null || random.nextInt(4) == 0 ? new long[] {0} : open[c];
            long[] now = java.util.Arrays.copyOf(before, before.length + 1 + random.nextInt(4));
            for (int b = before.length; b < now.length; b++) {
                now[b] = next++;
            }
            open[c] = now;
            blocks[i] = now;
            input[i] = now.length * 512 - random.nextInt(512);
            output[i] = 1 + random.nextInt(300);
            entry[i] = random.nextInt(MODEL.hosts());
        }
        return new LlmTrace("conversations", arrivals, input, output, blocks, entry);
    }

    @Test
    void theCacheMatchesLeadingBlocksAndEvictsTheLeastRecentlyUsed() {
        BlockCache cache = new BlockCache(4);
        cache.insert(new long[] {1, 2, 3});
        assertThat(cache.match(new long[] {1, 2, 9, 3})).isEqualTo(2);
        assertThat(cache.match(new long[] {9, 2})).isZero();
        cache.insert(new long[] {1, 7, 8});
        assertThat(cache.size()).isEqualTo(4);
        assertThat(cache.match(new long[] {1, 2, 3})).isEqualTo(2); // 3 was the least recently used
    }

    @Test
    void aRequestAloneWaitsForThePrefillOfWhatItsCopyHasNotCached() {
        LlmTrace twoTurns = new LlmTrace(
                "two turns",
                new double[] {0, 100},
                new int[] {1_024, 2_000},
                new int[] {1, 10},
                new long[][] {{0, 1}, {0, 1, 2, 3}},
                new int[] {0, 0});
        PrefixServing oneCopy = new PrefixServing(1, 1, 16, 16, 0.03, 0.02, 8_000, 100, 512);
        PrefixResult result = PrefixSimulation.run(oneCopy, PREFIX_AWARE, PrefixAffinity.DEFAULT, twoTurns, 1.0, 1, 3);
        assertThat(result.ttft(1.0)).isCloseTo((2_000 - 1_024) / 8_000.0, Offset.offset(1e-9));
        assertThat(result.hitRate()).isEqualTo(0.5);
        assertThat(result.latency(1.0)).isCloseTo((2_000 - 1_024) / 8_000.0 + 9 * 0.03, Offset.offset(1e-9));
    }

    @ParameterizedTest
    @EnumSource(RoutingStrategy.class)
    void everyRequestGetsItsFirstTokenAndNoCopyExceedsItsLimit(RoutingStrategy strategy) {
        LlmTrace trace = conversations(3_000, 6, 1);
        PrefixResult result = PrefixSimulation.run(MODEL, strategy, PrefixAffinity.DEFAULT, trace, 1.0, 0, 3);
        assertThat(result.ttft()).hasSize(3_000);
        assertThat(result.ttft(0.0001)).isPositive();
        assertThat(result.maxOutstanding()).isLessThanOrEqualTo(MODEL.concurrencyLimit());
    }

    @Test
    void prefixAwareRoutingHitsTheCacheMoreThanLeastOutstandingRequests() {
        LlmTrace trace = conversations(3_000, 3, 2);
        PrefixServing small = MODEL.withCacheBlocks(60);
        PrefixResult lor =
                PrefixSimulation.run(small, LEAST_OUTSTANDING_REQUESTS, PrefixAffinity.DEFAULT, trace, 1, 500, 3);
        PrefixResult prefix = PrefixSimulation.run(small, PREFIX_AWARE, PrefixAffinity.DEFAULT, trace, 1, 500, 3);
        assertThat(prefix.hitRate()).isGreaterThan(lor.hitRate() + 0.1);
    }

    @Test
    void theSameSeedGivesTheSameTimes() {
        LlmTrace trace = conversations(2_000, 6, 3);
        PrefixResult first = PrefixSimulation.run(MODEL, PREFIX_AWARE, PrefixAffinity.DEFAULT, trace, 1, 0, 3);
        PrefixResult second = PrefixSimulation.run(MODEL, PREFIX_AWARE, PrefixAffinity.DEFAULT, trace, 1, 0, 3);
        assertThat(second.ttft()).containsExactly(first.ttft());
    }

    @Test
    void theMooncakeTraceReadsAsItsReadmeDescribesIt() {
        assumeThat(LlmTrace.available()).isTrue();
        LlmTrace trace = LlmTrace.mooncake(2, 4);
        assertThat(trace.size()).isEqualTo(12_031);
        for (int i = 0; i < trace.size(); i++) {
            assertThat(trace.blocks()[i]).hasSize((trace.input()[i] + 511) / 512);
        }
        assertThat(LlmTrace.azureConversation(2, 4).size()).isEqualTo(19_366);
    }
}
