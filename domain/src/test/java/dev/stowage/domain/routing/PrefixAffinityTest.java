package dev.stowage.domain.routing;

import static dev.stowage.domain.routing.Candidate.State.SERVING;
import static dev.stowage.domain.routing.RoutingStrategy.PREFIX_AWARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrefixAffinityTest {
    private static final PrefixKey KEY = PrefixKey.of(new long[] {7, 8, 9}, 2).orElseThrow();

    private static Candidate copy(String id, int outstanding) {
        return new Candidate(id, "i-0a", SERVING, outstanding, 16);
    }

    @Test
    void requestsWithTheSamePrefixMeetOnTheSameCopyWhateverHostRoutesThem() {
        List<Candidate> seenByA = List.of(copy("c1", 1), copy("c2", 2), copy("c3", 0), copy("c4", 1));
        List<Candidate> seenByB = List.of(copy("c4", 2), copy("c3", 1), copy("c2", 1), copy("c1", 0));
        Router a = new Router(PREFIX_AWARE, new SplittableRandom(1));
        Router b = new Router(PREFIX_AWARE, new SplittableRandom(2));
        String onA = ((Pick.Routed) a.pick(seenByA, KEY)).copy().copyId();
        String onB = ((Pick.Routed) b.pick(seenByB, KEY)).copy().copyId();
        assertThat(onA).isEqualTo(onB);
    }

    @Test
    void keysSpreadEvenlyOverTheCopies() {
        List<Candidate> copies = List.of(copy("c1", 0), copy("c2", 0), copy("c3", 0), copy("c4", 0));
        Map<String, Integer> preferred = new HashMap<>();
        for (long block = 0; block < 40_000; block++) {
            PrefixKey key = PrefixKey.of(new long[] {0, block}, 2).orElseThrow();
            preferred.merge(PrefixAffinity.DEFAULT.preferred(copies, key).copyId(), 1, Integer::sum);
        }
        // 10,000 expected each; σ ≈ 87
        preferred.values().forEach(count -> assertThat(count).isBetween(9_500, 10_500));
    }

    @Test
    void aPreferredCopyPastTheBoundGivesWayToLeastOutstandingRequests() {
        List<Candidate> idle = List.of(copy("c1", 0), copy("c2", 0), copy("c3", 0), copy("c4", 0));
        String preferred = PrefixAffinity.DEFAULT.preferred(idle, KEY).copyId();
        Router router = new Router(PREFIX_AWARE, new SplittableRandom(3));
        // mean 1 with the preferred copy at 4: bound ceil(1.25 × 1 + 2) = 4, so it still takes the request
        List<Candidate> within = idle.stream()
                .map(c -> c.copyId().equals(preferred) ? copy(preferred, 4) : c)
                .toList();
        assertThat(((Pick.Routed) router.pick(within, KEY)).copy().copyId()).isEqualTo(preferred);
        // at 8 it is past ceil(1.25 × 2 + 2) = 5: the request goes to an idle copy
        List<Candidate> past = idle.stream()
                .map(c -> c.copyId().equals(preferred) ? copy(preferred, 8) : c)
                .toList();
        Candidate chosen = ((Pick.Routed) router.pick(past, KEY)).copy();
        assertThat(chosen.outstanding()).isZero();
    }

    @Test
    void aRequestWithoutAKeyIsRoutedByLeastOutstandingRequests() {
        List<Candidate> copies = List.of(copy("c1", 3), copy("c2", 1), copy("c3", 2));
        Router router = new Router(PREFIX_AWARE, new SplittableRandom(3));
        for (int i = 0; i < 100; i++) {
            assertThat(((Pick.Routed) router.pick(copies, null)).copy().copyId())
                    .isEqualTo("c2");
        }
    }

    @Test
    void theKeyIsTheBlockAtTheDepthOrTheLastOne() {
        assertThat(PrefixKey.of(new long[] {0, 5, 6}, 2)).isEqualTo(PrefixKey.of(new long[] {0, 5, 9, 10}, 2));
        assertThat(PrefixKey.of(new long[] {0}, 2)).isEqualTo(PrefixKey.of(new long[] {0}, 1));
        assertThat(PrefixKey.of(new long[] {0, 5}, 2)).isNotEqualTo(PrefixKey.of(new long[] {0, 6}, 2));
        assertThat(PrefixKey.of(new long[] {}, 2)).isEmpty();
        assertThatThrownBy(() -> PrefixKey.of(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void promptBlocksAreChainedSoThatEqualPrefixesHaveEqualIds() {
        String system = "s".repeat(PromptBlocks.CHARS_PER_BLOCK);
        long[] first = PromptBlocks.ofText(system + "hello there, how are you");
        long[] second = PromptBlocks.ofText(system + "hello there, how are you" + "x".repeat(3_000));
        long[] other = PromptBlocks.ofText("t" + system.substring(1) + "hello there, how are you");
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(3);
        assertThat(second[0]).isEqualTo(first[0]);
        assertThat(second[1]).isNotEqualTo(first[1]); // the second block of the longer prompt holds more text
        assertThat(other[0]).isNotEqualTo(first[0]);
        assertThat(other[1]).isNotEqualTo(first[1]); // chained: a different first block changes every id after it
        assertThat(PromptBlocks.ofText("")).isEmpty();
        assertThat(PromptBlocks.ofText(system + system)).containsExactly(PromptBlocks.ofText(system + system));
    }
}
