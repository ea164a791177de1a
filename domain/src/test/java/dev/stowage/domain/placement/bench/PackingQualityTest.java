package dev.stowage.domain.placement.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A quick slice of the benchmark that always runs: from scratch, never more instances than FFD. */
class PackingQualityTest {
    @Test
    void fromScratchNeverUsesMoreInstancesThanFirstFitDecreasingAndPlacesInTwoRounds() {
        for (long seed = 1; seed <= 24; seed++) {
            Workload workload = Workload.generate(seed, 10 + (int) (seed * 7));
            FromScratch.Outcome ours = FromScratch.pack(workload);
            int ffd = FirstFitDecreasing.instances(
                    workload.targets(), workload.shape().allocatable());
            int bound =
                    LowerBound.instances(workload.targets(), workload.shape().allocatable());

            assertThat(ours.instances()).as("seed %d", seed).isBetween(bound, ffd);
            assertThat(ours.placedInTwoRounds()).as("seed %d", seed).isTrue();
        }
    }
}
