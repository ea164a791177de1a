package dev.stowage.host.serving;

import java.time.Duration;

/**
 * One request's patience with copies that all refused it: the first time at once, then every {@code poll} until
 * {@code window} has passed since the first refusal. The directory a router reads may still list a copy that a
 * scale-in removed, and not yet the copy that replaced it; reading it again within its freshness finds the truth.
 */
final class RefusedRetry {
    private final long windowNanos;
    private final Duration poll;
    private long firstRefusal;
    private boolean refusedBefore;

    RefusedRetry(Duration window, Duration poll) {
        this.windowNanos = window.toNanos();
        this.poll = poll;
    }

    /** Whether to pick again after every copy refused; waits one poll first unless this is the first refusal. */
    boolean tryAgain() {
        long now = System.nanoTime();
        if (!refusedBefore) {
            refusedBefore = true;
            firstRefusal = now;
            return true;
        }
        if (now - firstRefusal >= windowNanos) {
            return false;
        }
        try {
            Thread.sleep(poll);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
