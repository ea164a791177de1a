package dev.stowage.domain.routing;

import static dev.stowage.domain.routing.Candidate.State.DRAINING;
import static dev.stowage.domain.routing.Candidate.State.SERVING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Issue 15's routing properties of adapter affinity (ADR 32), under both strategies that apply it. */
class AdapterRoutingPropertiesTest {
    private static final RoutingStrategy[] WITH_AFFINITY = {
        RoutingStrategy.LEAST_OUTSTANDING_REQUESTS, RoutingStrategy.PREFIX_AWARE
    };

    private static AdapterKey adapter(SplittableRandom random, int adapters) {
        return new AdapterKey("adapter-" + random.nextInt(adapters));
    }

    @Property(tries = 300)
    void neverOverACopysConcurrencyLimitNorToADrainingCopy(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll @IntRange(min = 1, max = 20) int limit,
            @ForAll @IntRange(min = 1, max = 100) int adapters) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Candidate> copies = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Candidate.State state = random.nextInt(5) == 0 ? DRAINING : SERVING;
            copies.add(new Candidate("copy-" + c, "i-" + c % 3, state, random.nextInt(limit + 2), limit));
        }
        int least = copies.stream()
                .filter(Candidate::takesRequests)
                .mapToInt(Candidate::outstanding)
                .min()
                .orElse(-1);
        Router router = new Router(WITH_AFFINITY[random.nextInt(2)], random);
        for (int i = 0; i < 50; i++) {
            AdapterKey key = adapter(random, adapters);
            Pick pick = router.pick(copies, key, new PrefixKey(random.nextLong()));
            if (pick instanceof Pick.Routed routed) {
                assertThat(routed.copy().takesRequests()).isTrue();
                Candidate preferred = router.adapterAffinity().preferred(copies, key);
                if (routed.copy().equals(preferred)) {
                    assertThat(preferred.outstanding())
                            .isLessThanOrEqualTo(router.adapterAffinity().bound(copies));
                } else {
                    assertThat(routed.copy().outstanding()).isEqualTo(least);
                }
            } else {
                assertThat(copies).noneMatch(Candidate::takesRequests);
            }
        }
    }

    /**
     * A Zipf-like skew (one adapter takes most requests) with requests finishing at random: no pick raises a copy
     * above the load bound of the moment (or above the least loaded copy, when every copy is past it), once the hot
     * adapter's copy is past the bound its requests go by least outstanding requests, and the spread of load
     * between copies stays within the bound's reach.
     */
    @Property(tries = 100)
    void underSkewTheLoadStaysBoundedAndRoutingDegradesToLeastOutstanding(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        Router router = new Router(WITH_AFFINITY[random.nextInt(2)], random);
        Affinity affinity = router.adapterAffinity();
        int[] outstanding = new int[n];
        int leastOutstandingPicks = 0;
        for (int step = 0; step < 2_000; step++) {
            List<Candidate> copies = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                copies.add(new Candidate("copy-" + c, "i-a", SERVING, outstanding[c], 1_000));
            }
            if (random.nextInt(3) > 0) {
                AdapterKey key = random.nextInt(10) < 8 ? new AdapterKey("hot") : adapter(random, 100);
                int bound = affinity.bound(copies);
                int least = Arrays.stream(outstanding).min().orElseThrow();
                Candidate chosen = ((Pick.Routed) router.pick(copies, key, null)).copy();
                if (affinity.preferred(copies, key).outstanding() > bound) {
                    assertThat(chosen.outstanding()).isEqualTo(least);
                    leastOutstandingPicks++;
                }
                assertThat(chosen.outstanding()).isLessThanOrEqualTo(Math.max(bound, least));
                outstanding[Integer.parseInt(chosen.copyId().substring(5))]++;
            } else {
                int c = random.nextInt(n);
                outstanding[c] = Math.max(0, outstanding[c] - 1);
            }
        }
        assertThat(leastOutstandingPicks).isPositive();
    }
}
