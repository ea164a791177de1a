package dev.stowage.domain.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one policy for a lost race: an attempt that ends in {@link ConcurrencyConflict} (another writer appended
 * after it read) runs again from a fresh read, at most {@value #MAX_ATTEMPTS} times in a row, after a random pause that
 * doubles with each loss (up to {@value #MAX_PAUSE_MILLIS} ms). Without the pause, writers that lost together retry
 * together and lose together again: eight clients creating components on one endpoint (each appends to the
 * endpoint's stream, ADR 22) gave up after eight immediate attempts. Every writer of a stream or a view uses it, so
 * they all give up alike.
 */
public final class OnConflict {
    /** How many attempts in a row may lose before the conflict is the caller's. */
    public static final int MAX_ATTEMPTS = 12;

    /** The longest pause between two attempts. */
    static final int MAX_PAUSE_MILLIS = 64;

    private OnConflict() {}

    /**
     * The result of the first of up to {@value #MAX_ATTEMPTS} runs of {@code attempt} that does not throw {@link
     * ConcurrencyConflict}. Each run must read what it decides on afresh.
     *
     * @throws ConcurrencyConflict the last attempt's, when every attempt lost
     */
    public static <T> T retry(Supplier<T> attempt) {
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (ConcurrencyConflict lost) {
                if (attempts == MAX_ATTEMPTS) {
                    throw lost;
                }
                pause(attempts);
            }
        }
    }

    /** A random pause of up to 2^(attempts - 1) ms, at most {@value #MAX_PAUSE_MILLIS}. */
    private static void pause(int attempts) {
        long bound = Math.min(MAX_PAUSE_MILLIS, 1L << Math.min(attempts - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a lost race", e);
        }
    }
}
