package dev.stowage.domain.store;

import java.util.function.Supplier;

/**
 * The one policy for a lost race: an attempt that ends in {@link ConcurrencyConflict} (another writer appended
 * after it read) runs again from a fresh read, at most {@value #MAX_ATTEMPTS} times in a row. Every writer of a
 * stream or a view uses it, so they all give up alike.
 */
public final class OnConflict {
    /** How many attempts in a row may lose before the conflict is the caller's. */
    public static final int MAX_ATTEMPTS = 8;

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
            }
        }
    }
}
