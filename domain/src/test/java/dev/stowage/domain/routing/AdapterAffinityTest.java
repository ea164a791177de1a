package dev.stowage.domain.routing;

import static dev.stowage.domain.routing.Candidate.State.SERVING;
import static dev.stowage.domain.routing.RoutingStrategy.LEAST_OUTSTANDING_REQUESTS;
import static dev.stowage.domain.routing.RoutingStrategy.PREFIX_AWARE;
import static dev.stowage.domain.routing.RoutingStrategy.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Adapter affinity (ADR 32): an adapter's requests meet on its highest-ranked copy, within the load bound. */
class AdapterAffinityTest {
    private static final AdapterKey ADAPTER = new AdapterKey("ic-lora-support-fr");
    private static final PrefixKey PREFIX =
            PrefixKey.of(new long[] {7, 8, 9}, 2).orElseThrow();

    private static Candidate copy(String id, int outstanding) {
        return new Candidate(id, "i-0a", SERVING, outstanding, 16);
    }

    private static List<Candidate> idle() {
        return List.of(copy("c1", 0), copy("c2", 0), copy("c3", 0), copy("c4", 0));
    }

    private static String routedTo(Pick pick) {
        return ((Pick.Routed) pick).copy().copyId();
    }

    @ParameterizedTest
    @EnumSource(
            value = RoutingStrategy.class,
            names = {"LEAST_OUTSTANDING_REQUESTS", "PREFIX_AWARE"})
    void anAdaptersRequestsMeetOnOneCopyWhateverHostRoutesThem(RoutingStrategy strategy) {
        List<Candidate> seenByA = List.of(copy("c1", 1), copy("c2", 2), copy("c3", 0), copy("c4", 1));
        List<Candidate> seenByB = List.of(copy("c4", 2), copy("c3", 1), copy("c2", 1), copy("c1", 0));
        String onA = routedTo(new Router(strategy, new SplittableRandom(1)).pick(seenByA, ADAPTER, null));
        String onB = routedTo(new Router(strategy, new SplittableRandom(2)).pick(seenByB, ADAPTER, null));
        assertThat(onA)
                .isEqualTo(onB)
                .isEqualTo(Affinity.DEFAULT.preferred(idle(), ADAPTER).copyId());
    }

    @Test
    void randomIgnoresTheAdapter() {
        Router router = new Router(RANDOM, new SplittableRandom(3));
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            used.add(routedTo(router.pick(idle(), ADAPTER, PREFIX)));
        }
        assertThat(used).hasSize(4);
        assertThat(router.affinityKey(ADAPTER, PREFIX)).isEmpty();
    }

    @Test
    void underPrefixAwareRoutingTheAdapterWinsOverThePrefix() {
        Router router = new Router(PREFIX_AWARE, new SplittableRandom(3));
        assertThat(router.affinityKey(ADAPTER, PREFIX)).contains(ADAPTER);
        assertThat(router.affinityKey(null, PREFIX)).contains(PREFIX);
        Router lor = new Router(LEAST_OUTSTANDING_REQUESTS, new SplittableRandom(3));
        assertThat(lor.affinityKey(ADAPTER, PREFIX)).contains(ADAPTER);
        assertThat(lor.affinityKey(null, PREFIX)).isEmpty();
    }

    @Test
    void aPreferredCopyPastTheBoundGivesWayToLeastOutstandingRequests() {
        String preferred = Affinity.DEFAULT.preferred(idle(), ADAPTER).copyId();
        Router router = new Router(LEAST_OUTSTANDING_REQUESTS, new SplittableRandom(3));
        // mean 1 with the preferred copy at 4: bound ceil(1.25 × 1 + 2) = 4, so it still takes the request
        List<Candidate> within = idle().stream()
                .map(c -> c.copyId().equals(preferred) ? copy(preferred, 4) : c)
                .toList();
        assertThat(routedTo(router.pick(within, ADAPTER, null))).isEqualTo(preferred);
        // at 8 it is past ceil(1.25 × 2 + 2) = 5: the request goes to an idle copy
        List<Candidate> past = idle().stream()
                .map(c -> c.copyId().equals(preferred) ? copy(preferred, 8) : c)
                .toList();
        assertThat(((Pick.Routed) router.pick(past, ADAPTER, null)).copy().outstanding())
                .isZero();
    }

    @Test
    void adaptersSpreadEvenlyOverTheCopies() {
        Map<String, Integer> preferred = new HashMap<>();
        for (int adapter = 0; adapter < 40_000; adapter++) {
            preferred.merge(
                    Affinity.DEFAULT
                            .preferred(idle(), new AdapterKey("adapter-" + adapter))
                            .copyId(),
                    1,
                    Integer::sum);
        }
        // 10,000 expected each; σ ≈ 87
        preferred.values().forEach(count -> assertThat(count).isBetween(9_500, 10_500));
    }

    @Test
    void theKeyIsTheAdaptersName() {
        assertThat(new AdapterKey("a").value()).isEqualTo(new AdapterKey("a").value());
        assertThat(new AdapterKey("a").value()).isNotEqualTo(new AdapterKey("b").value());
        assertThatThrownBy(() -> new AdapterKey(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixAffinityRanksAsBeforeTheGeneralisation() {
        // ADR 29's ranking must not move: hosts of two releases side by side send a prefix to the same copy
        long expected = 0;
        for (Candidate c : idle()) {
            long score = Hashes.mix(PREFIX.value() ^ Hashes.of(c.copyId()));
            if (Long.compareUnsigned(score, expected) > 0) {
                expected = score;
            }
        }
        Candidate preferred = PrefixAffinity.DEFAULT.preferred(idle(), PREFIX);
        assertThat(Hashes.mix(PREFIX.value() ^ Hashes.of(preferred.copyId()))).isEqualTo(expected);
    }
}
