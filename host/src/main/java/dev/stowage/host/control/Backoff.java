package dev.stowage.host.control;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long a call is retried: {@code attempts} in all, waiting a random time up to {@code base * 2^n}
 * (capped at {@code max}) before retry n+1 ("full jitter", as the AWS SDKs do).
 */
public record Backoff(int attempts, Duration base, Duration max) {

    /** 5 attempts, from up to 100 ms to at most 5 s. */
    public static Backoff standard() {
        return new Backoff(5, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /** The wait before retry {@code retry} (1 is the first retry). */
    Duration delay(int retry) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
