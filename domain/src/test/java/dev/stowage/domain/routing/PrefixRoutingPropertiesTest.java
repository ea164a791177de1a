package dev.stowage.domain.routing;

import static dev.stowage.domain.routing.Candidate.State.DRAINING;
import static dev.stowage.domain.routing.Candidate.State.SERVING;
import static dev.stowage.domain.routing.RoutingStrategy.PREFIX_AWARE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Issue 15's routing properties of {@link RoutingStrategy#PREFIX_AWARE}. */
class PrefixRoutingPropertiesTest {

    private static List<Candidate> copies(SplittableRandom random, int n, int limit) {
        List<Candidate> copies = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Candidate.State state = random.nextInt(5) == 0 ? DRAINING : SERVING;
            copies.add(new Candidate("copy-" + c, "i-" + c % 3, state, random.nextInt(limit + 2), limit));
        }
        return copies;
    }

    @Property(tries = 300)
    void neverOverACopysConcurrencyLimitNorToADrainingCopy(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll @IntRange(min = 1, max = 20) int limit) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Candidate> copies = copies(random, n, limit);
        Router router = new Router(PREFIX_AWARE, random);
        for (int i = 0; i < 50; i++) {
            Pick pick = router.pick(copies, new PrefixKey(random.nextLong()));
            if (pick instanceof Pick.Routed routed) {
                assertThat(routed.copy().takesRequests()).isTrue();
            } else {
                assertThat(copies).noneMatch(Candidate::takesRequests);
            }
        }
    }

    @Property(tries = 200)
    void aPickIsThePreferredCopyWithinItsBoundOrALeastOutstandingOne(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Candidate> copies = copies(random, n, 16);
        Router router = new Router(PREFIX_AWARE, random);
        PrefixAffinity affinity = router.affinity();
        int least = copies.stream()
                .filter(Candidate::takesRequests)
                .mapToInt(Candidate::outstanding)
                .min()
                .orElse(-1);
        for (int i = 0; i < 50; i++) {
            PrefixKey key = new PrefixKey(random.nextLong());
            if (!(router.pick(copies, key) instanceof Pick.Routed routed)) {
                continue;
            }
            Candidate preferred = affinity.preferred(copies, key);
            if (routed.copy().equals(preferred)) {
                assertThat(preferred.outstanding()).isLessThanOrEqualTo(affinity.bound(copies));
            } else {
                assertThat(routed.copy().outstanding()).isEqualTo(least);
            }
        }
    }

    @Property(tries = 100)
    void aCopyThatDrainsOrFailsMovesOnlyItsOwnKeys(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 16) int n,
            @ForAll @IntRange(min = 0, max = 15) int gone) {
        int leaving = gone % n;
        SplittableRandom random = new SplittableRandom(seed);
        List<Candidate> before = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            before.add(new Candidate("copy-" + c, "i-a", SERVING, 0, 16));
        }
        List<Candidate> draining = new ArrayList<>(before);
        draining.set(leaving, new Candidate("copy-" + leaving, "i-a", DRAINING, 0, 16));
        List<Candidate> failed = new ArrayList<>(before);
        failed.remove(leaving);
        for (int i = 0; i < 200; i++) {
            PrefixKey key = new PrefixKey(random.nextLong());
            String was = PrefixAffinity.DEFAULT.preferred(before, key).copyId();
            for (List<Candidate> after : List.of(draining, failed)) {
                String now = PrefixAffinity.DEFAULT.preferred(after, key).copyId();
                if (!was.equals("copy-" + leaving)) {
                    assertThat(now).isEqualTo(was);
                } else {
                    assertThat(now).isNotEqualTo(was);
                }
            }
        }
    }

    /**
     * One hot prefix and nothing else, with requests finishing at random: no pick raises a copy above the load
     * bound of the moment (or above the least loaded copy, when every copy is past it), and once the preferred copy
     * is past the bound every pick is a least-outstanding one.
     */
    @Property(tries = 100)
    void underOneHotPrefixTheLoadStaysBoundedAndRoutingDegradesToLeastOutstanding(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        Router router = new Router(PREFIX_AWARE, random);
        PrefixKey hot = new PrefixKey(42);
        int[] outstanding = new int[n];
        int leastOutstandingPicks = 0;
        for (int step = 0; step < 2_000; step++) {
            List<Candidate> copies = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                copies.add(new Candidate("copy-" + c, "i-a", SERVING, outstanding[c], 1_000));
            }
            if (random.nextInt(3) > 0) {
                int bound = router.affinity().bound(copies);
                int least = min(outstanding);
                Candidate chosen = ((Pick.Routed) router.pick(copies, hot)).copy();
                Candidate preferred = router.affinity().preferred(copies, hot);
                if (preferred.outstanding() > bound) {
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

    private static int min(int[] values) {
        int m = Integer.MAX_VALUE;
        for (int v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
