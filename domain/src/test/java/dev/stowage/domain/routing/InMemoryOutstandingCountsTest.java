package dev.stowage.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryOutstandingCountsTest {
    private static final String COPY_1 = "copy-1";

    private final OutstandingCounts counts = new InMemoryOutstandingCounts();

    @Test
    void countsUpAndDownAndNeverBelowZero() {
        assertThat(counts.get(COPY_1)).isZero();
        counts.increment(COPY_1);
        counts.increment(COPY_1);
        counts.decrement(COPY_1);
        assertThat(counts.get(COPY_1)).isEqualTo(1);
        counts.decrement(COPY_1);
        counts.decrement(COPY_1);
        assertThat(counts.get(COPY_1)).isZero();
        counts.decrement("never-counted");
        assertThat(counts.get("never-counted")).isZero();
    }

    @Test
    void tryIncrementStopsAtTheLimit() {
        assertThat(counts.tryIncrement(COPY_1, 2)).isTrue();
        assertThat(counts.tryIncrement(COPY_1, 2)).isTrue();
        assertThat(counts.tryIncrement(COPY_1, 2)).isFalse();
        assertThat(counts.get(COPY_1)).isEqualTo(2);
    }

    @Test
    void concurrentTryIncrementsNeverExceedTheLimit() throws InterruptedException {
        AtomicInteger won = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    if (counts.tryIncrement(COPY_1, 100)) {
                        won.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(won).hasValue(100);
        assertThat(counts.get(COPY_1)).isEqualTo(100);
    }

    @Test
    void forgetDropsTheCount() {
        counts.increment(COPY_1);
        counts.forget(COPY_1);
        assertThat(counts.get(COPY_1)).isZero();
    }
}
