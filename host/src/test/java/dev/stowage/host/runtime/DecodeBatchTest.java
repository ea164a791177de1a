package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecodeBatchTest {
    private static final Duration TOKEN = Duration.ofMillis(10);
    private static final int TOKENS = 30;

    @Test
    void a_step_takes_the_token_time_stretched_by_the_slowdown_per_further_sequence() {
        StepTime step = new StepTime(TOKEN, 0.2);

        assertThat(step.nanos(1)).isEqualTo(TOKEN.toNanos());
        assertThat(step.nanos(16)).isEqualTo(TOKEN.toNanos() * 4);
        assertThat(step.slowdownAt(16)).isCloseTo(4.0, within(1e-9));
        assertThat(new StepTime(TOKEN, 0).nanos(16)).isEqualTo(TOKEN.toNanos());
    }

    @Test
    void the_time_per_token_grows_with_the_number_of_sequences_decoded_together() throws Exception {
        double slowdown = 0.5;
        try (DecodeBatch batch = new DecodeBatch(new StepTime(TOKEN, slowdown), 16, Duration.ZERO)) {
            double alone = millisPerToken(batch, 1);
            double eight = millisPerToken(batch, 8);

            // Lower bounds only: a loaded machine makes every step slower, never faster, than configured.
            assertThat(alone).as("alone, ms per token").isGreaterThanOrEqualTo(9.5);
            assertThat(eight)
                    .as("eight together, ms per token: 10 × (1 + 0.5 × 7)")
                    .isGreaterThanOrEqualTo(10 * (1 + slowdown * 7) * 0.95);
        }
    }

    @Test
    void sequences_beyond_the_batch_wait_and_join_when_one_ends() throws Exception {
        try (DecodeBatch batch = new DecodeBatch(new StepTime(TOKEN, 0), 2, Duration.ZERO)) {
            long start = System.nanoTime();
            Sequence first = batch.submit(20, 0);
            Sequence second = batch.submit(20, 0);
            Sequence third = batch.submit(5, 0);
            awaitCounts(batch, 2, 1);

            assertThat(third.next()).isZero();
            long firstTokenOfThird = millisSince(start);

            assertThat(firstTokenOfThird).as("after the first two's 20 steps").isGreaterThanOrEqualTo(200);
            assertThat(drain(first)).isEqualTo(20);
            assertThat(drain(second)).isEqualTo(20);
            assertThat(drain(third)).isEqualTo(4);
        }
    }

    @Test
    void a_joining_sequence_pays_its_prefill_in_the_step_it_joins() throws Exception {
        try (DecodeBatch batch = new DecodeBatch(new StepTime(TOKEN, 0), 16, Duration.ofMillis(1))) {
            long start = System.nanoTime();
            Sequence sequence = batch.submit(1, 200);

            assertThat(sequence.next()).isZero();
            assertThat(millisSince(start))
                    .as("200 prompt tokens at 1 ms + one step")
                    .isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void a_cancelled_sequence_leaves_the_batch_and_an_idle_batch_waits() throws Exception {
        try (DecodeBatch batch = new DecodeBatch(new StepTime(TOKEN, 0), 16, Duration.ZERO)) {
            Sequence endless = batch.submit(Integer.MAX_VALUE, 0);
            assertThat(endless.next()).isZero();

            endless.cancel();

            awaitCounts(batch, 0, 0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (batch.schedulerState() != Thread.State.WAITING) {
                assertThat(System.nanoTime())
                        .as("the scheduler parks when idle")
                        .isLessThan(deadline);
                Thread.sleep(2);
            }
        }
    }

    @Test
    void closing_ends_every_sequence_running_queued_or_to_come() throws Exception {
        DecodeBatch batch = new DecodeBatch(new StepTime(TOKEN, 0), 1, Duration.ZERO);
        Sequence running = batch.submit(1000, 0);
        Sequence queued = batch.submit(1000, 0);
        assertThat(running.next()).isZero();

        batch.close();

        assertThat(drain(running)).isLessThan(1000);
        assertThat(queued.next()).isEqualTo(Sequence.END);
        assertThat(batch.submit(3, 0).next()).as("after close").isEqualTo(Sequence.END);
    }

    /** Runs {@code n} sequences of {@link #TOKENS} tokens together; the ms per token each saw. */
    private static double millisPerToken(DecodeBatch batch, int n) throws Exception {
        long start = System.nanoTime();
        List<Sequence> sequences = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> sequences.add(batch.submit(TOKENS, 0)));
        for (Sequence sequence : sequences) {
            assertThat(drain(sequence)).isEqualTo(TOKENS);
        }
        return (System.nanoTime() - start) / 1e6 / TOKENS;
    }

    private static int drain(Sequence sequence) throws InterruptedException {
        int tokens = 0;
        while (sequence.next() != Sequence.END) {
            tokens++;
        }
        return tokens;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void awaitCounts(DecodeBatch batch, int active, int waiting) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (batch.active() != active || batch.waiting() != waiting) {
            assertThat(System.nanoTime()).as("waited 5 s for the batch").isLessThan(deadline);
            Thread.sleep(2);
        }
    }
}
