package dev.stowage.domain.placement.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.placement.IcTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A quick slice of the churn benchmark that always runs: the fluid bound never exceeds a real packing's cost. */
class FluidBoundTest {
    @Test
    void noPackingOfAnySyntheticWindowCostsLessThanTheBound() {
        ChurnWorkload workload = SyntheticChurn.generate(3, 40, 1, 0);
        for (int w = 0; w < workload.windows(); w += 12) {
            Map<String, IcTarget> targets = new LinkedHashMap<>(workload.targets(w));
            double bound = FluidBound.of(targets, PricedPools.BY_PRICE.pools())[0];
            double ffd = CheapestFirstFit.pack(targets, PricedPools.BY_PRICE.pools())[0];

            assertThat(bound).as("window %d", w).isPositive().isLessThanOrEqualTo(ffd);
        }
    }
}
