package dev.stowage.domain.routing;

import static dev.stowage.domain.routing.Candidate.State.DRAINING;
import static dev.stowage.domain.routing.Candidate.State.SERVING;
import static dev.stowage.domain.routing.RoutingStrategy.LEAST_OUTSTANDING_REQUESTS;
import static dev.stowage.domain.routing.RoutingStrategy.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RouterTest {
    private static final String HOST_A = "i-0a";
    private static final String HOST_B = "i-0b";

    private static Router router(RoutingStrategy strategy) {
        return new Router(strategy, new SplittableRandom(42));
    }

    private static Candidate copy(String id, Candidate.State state, int outstanding, int limit) {
        return new Candidate(id, id.endsWith("1") || id.endsWith("2") ? HOST_A : HOST_B, state, outstanding, limit);
    }

    private static String routedTo(Pick pick) {
        assertThat(pick).isInstanceOf(Pick.Routed.class);
        return ((Pick.Routed) pick).copy().copyId();
    }

    @ParameterizedTest
    @EnumSource(RoutingStrategy.class)
    void neverPicksADrainingCopy(RoutingStrategy strategy) {
        Router router = router(strategy);
        List<Candidate> copies =
                List.of(copy("c1", DRAINING, 0, 8), copy("c2", SERVING, 7, 8), copy("c3", DRAINING, 0, 8));
        for (int i = 0; i < 1_000; i++) {
            assertThat(routedTo(router.pick(copies))).isEqualTo("c2");
        }
    }

    @ParameterizedTest
    @EnumSource(RoutingStrategy.class)
    void neverPicksACopyAtItsConcurrencyLimit(RoutingStrategy strategy) {
        Router router = router(strategy);
        List<Candidate> copies =
                List.of(copy("c1", SERVING, 4, 4), copy("c2", SERVING, 9, 8), copy("c3", SERVING, 3, 16));
        for (int i = 0; i < 1_000; i++) {
            assertThat(routedTo(router.pick(copies))).isEqualTo("c3");
        }
    }

    @ParameterizedTest
    @EnumSource(RoutingStrategy.class)
    void everyServingCopyAtItsLimitIsSaturated(RoutingStrategy strategy) {
        List<Candidate> copies =
                List.of(copy("c1", SERVING, 4, 4), copy("c2", SERVING, 8, 8), copy("c3", DRAINING, 0, 8));
        assertThat(router(strategy).pick(copies)).isEqualTo(new Pick.Saturated());
    }

    @ParameterizedTest
    @EnumSource(RoutingStrategy.class)
    void noServingCopyIsNoCapacity(RoutingStrategy strategy) {
        assertThat(router(strategy).pick(List.of())).isEqualTo(new Pick.NoCapacity());
        assertThat(router(strategy).pick(List.of(copy("c1", DRAINING, 0, 4), copy("c3", DRAINING, 4, 4))))
                .isEqualTo(new Pick.NoCapacity());
    }

    @Test
    void leastOutstandingRequestsAlwaysPicksAMinimumAndSpreadsTies() {
        SplittableRandom load = new SplittableRandom(7);
        Router router = router(LEAST_OUTSTANDING_REQUESTS);
        Map<String, Integer> tieWins = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            List<Candidate> copies = List.of(
                    copy("c1", SERVING, load.nextInt(4), 8),
                    copy("c2", SERVING, load.nextInt(4), 8),
                    copy("c3", SERVING, load.nextInt(4), 8),
                    copy("c4", DRAINING, 0, 8));
            int least = copies.stream()
                    .filter(Candidate::takesRequests)
                    .mapToInt(Candidate::outstanding)
                    .min()
                    .orElseThrow();
            Candidate chosen = ((Pick.Routed) router.pick(copies)).copy();
            assertThat(chosen.outstanding()).isEqualTo(least);
            assertThat(chosen.state()).isEqualTo(SERVING);
            if (copies.get(0).outstanding() == copies.get(1).outstanding()
                    && copies.get(1).outstanding() == copies.get(2).outstanding()) {
                tieWins.merge(chosen.copyId(), 1, Integer::sum);
            }
        }
        int total = tieWins.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(tieWins).containsOnlyKeys("c1", "c2", "c3");
        tieWins.values().forEach(wins -> assertThat((double) wins / total).isBetween(0.28, 0.39));
    }

    @Test
    void randomIsUniformAmongServingCopiesWithRoom() {
        Router router = router(RANDOM);
        List<Candidate> copies = List.of(
                copy("c1", SERVING, 0, 8),
                copy("c2", SERVING, 7, 8),
                copy("c3", SERVING, 8, 8),
                copy("c4", DRAINING, 0, 8),
                copy("c5", SERVING, 30, 64));
        Map<String, Integer> picks = new HashMap<>();
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            picks.merge(routedTo(router.pick(copies)), 1, Integer::sum);
        }
        assertThat(picks).containsOnlyKeys("c1", "c2", "c5");
        // each expected n/3 = 20,000; σ ≈ 115, so ±600 is more than 5σ
        picks.values().forEach(count -> assertThat(count).isBetween(19_400, 20_600));
    }

    @Test
    void wireNamesAreTheServiceEnum() {
        assertThat(RoutingStrategy.fromWireName("RANDOM")).contains(RANDOM);
        assertThat(RoutingStrategy.fromWireName("LEAST_OUTSTANDING_REQUESTS")).contains(LEAST_OUTSTANDING_REQUESTS);
        assertThat(RoutingStrategy.fromWireName("least_outstanding_requests")).isEmpty();
        assertThat(LEAST_OUTSTANDING_REQUESTS.wireName()).isEqualTo("LEAST_OUTSTANDING_REQUESTS");
        assertThat(LEAST_OUTSTANDING_REQUESTS.stowageExtension()).isFalse();
    }

    @Test
    void prefixAwareIsStowagesOwnNameThatTheServiceCannotTake() {
        assertThat(RoutingStrategy.fromWireName("STOWAGE_PREFIX_AWARE")).contains(RoutingStrategy.PREFIX_AWARE);
        assertThat(RoutingStrategy.PREFIX_AWARE.stowageExtension()).isTrue();
        assertThat(RoutingStrategy.fromWireName("PREFIX_AWARE")).isEmpty();
    }
}
