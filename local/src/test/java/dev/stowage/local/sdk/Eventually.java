package dev.stowage.local.sdk;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Polls until something holds, for the asynchronous parts of local mode (hosts booting, copies loading, deletes
 * completing). It only sleeps between polls; a timeout fails with the description and the last value or
 * assertion error seen.
 */
public final class Eventually {
    static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {}

    /** Waits until {@code condition} is true. */
    public static void await(Duration timeout, String description, BooleanSupplier condition) {
        await(timeout, description, () -> condition.getAsBoolean(), held -> held);
    }

    /** Waits until {@code assertion} stops throwing {@link AssertionError}; fails with the last one. */
    static void await(Duration timeout, String description, Runnable assertion) {
        await(
                timeout,
                description,
                () -> {
                    try {
                        assertion.run();
                        return null;
                    } catch (AssertionError notYet) {
                        return notYet;
                    }
                },
                (@Nullable AssertionError error) -> error == null);
    }

    /** Polls {@code value} until {@code done} accepts it, and returns that value. */
    static <T> T await(Duration timeout, String description, Supplier<T> value, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T last = value.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError failure = new AssertionError(
                        "Not within " + timeout.toMillis() + " ms: " + description + "; last: " + last);
                if (last instanceof Throwable cause) {
                    failure.initCause(cause);
                }
                throw failure;
            }
            sleep();
        }
    }

    /**
     * Waits until {@code value} has not changed for {@code steadyFor} (for example, until background work has
     * stopped writing events), and returns it.
     */
    public static <T> T awaitSteady(Duration timeout, String description, Supplier<T> value, Duration steadyFor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        long since = System.nanoTime();
        while (System.nanoTime() - since < steadyFor.toNanos()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Not steady for " + steadyFor.toMillis() + " ms within " + timeout.toMillis()
                        + " ms: " + description + "; last: " + last);
            }
            sleep();
            T next = value.get();
            if (!next.equals(last)) {
                last = next;
                since = System.nanoTime();
            }
        }
        return last;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
