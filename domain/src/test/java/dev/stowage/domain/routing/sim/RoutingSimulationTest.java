package dev.stowage.domain.routing.sim;

import static dev.stowage.domain.routing.RoutingStrategy.LEAST_OUTSTANDING_REQUESTS;
import static dev.stowage.domain.routing.RoutingStrategy.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.routing.RoutingStrategy;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A small run of the simulation, to keep it honest between benchmark runs. */
class RoutingSimulationTest {
    private static final ServingModel MODEL = ServingModel.llm();
    private static final Trace TRACE = Trace.generate(1, 12_000, MODEL.hosts());

    @ParameterizedTest
    @EnumSource(RoutingStrategy.class)
    void everyRequestFinishesNoSoonerThanItsDecodingAndNoCopyExceedsTheLimit(RoutingStrategy strategy) {
        ServingModel tight = MODEL.withConcurrencyLimit(MODEL.batchSlots());
        SimResult result = RoutingSimulation.run(tight, strategy, TRACE, TRACE.rateFor(0.9, tight), 0, TRACE.size(), 3);
        assertThat(result.latencies()).hasSize(TRACE.size());
        assertThat(result.quantile(0.0001)).isGreaterThanOrEqualTo(MODEL.tokenTime() * 0.999);
        assertThat(result.maxOutstanding()).isLessThanOrEqualTo(MODEL.batchSlots());
    }

    @Test
    void aRequestAloneTakesItsTokensTimesTheStepTime() {
        Trace sparse = Trace.generate(2, 200, MODEL.hosts());
        SimResult result = RoutingSimulation.run(MODEL, RANDOM, sparse, 0.001, 0, 200, 3);
        assertThat(result.quantile(1.0)).isCloseTo(max(sparse.tokens()) * MODEL.tokenTime(), Offset.offset(1e-6));
    }

    @Test
    void theSameSeedGivesTheSameLatencies() {
        double rate = TRACE.rateFor(0.7, MODEL);
        SimResult first = RoutingSimulation.run(MODEL, LEAST_OUTSTANDING_REQUESTS, TRACE, rate, 1_000, 10_000, 3);
        SimResult second = RoutingSimulation.run(MODEL, LEAST_OUTSTANDING_REQUESTS, TRACE, rate, 1_000, 10_000, 3);
        assertThat(second.latencies()).containsExactly(first.latencies());
    }

    @Test
    void outputLengthsHaveTheirDocumentedMean() {
        Trace big = Trace.generate(5, 400_000, 2);
        assertThat(big.meanTokens()).isBetween(330.0, 350.0);
    }

    private static int max(int[] values) {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
