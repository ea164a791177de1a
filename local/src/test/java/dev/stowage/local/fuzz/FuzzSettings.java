package dev.stowage.local.fuzz;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How long and from what seed the fuzzer runs, from system properties (failsafe passes {@code -D…} through):
 *
 * <ul>
 *   <li>{@code stowage.fuzz.seed}: the seed (default: a new one, printed, so that any run can be replayed);
 *   <li>{@code stowage.fuzz.requests}: how many requests to send; with it, the run has no time limit unless
 *       {@code stowage.fuzz.seconds} is given too;
 *   <li>{@code stowage.fuzz.seconds}: how long to send requests (default {@value #DEFAULT_SECONDS} s);
 *   <li>{@code stowage.fuzz.threads}: how many requests are in flight at once (default {@value #DEFAULT_THREADS});
 *   <li>{@code stowage.fuzz.only}: the index of one request to send alone (a replay of a failure, with its seed).
 * </ul>
 *
 * Request {@code i} depends only on the seed and {@code i}, never on timing or threads.
 *
 * @param seed the seed every request derives from
 * @param requests the most requests to send
 * @param duration the longest time to send them for
 * @param threads the requests in flight at once
 * @param only the one request to send, when replaying
 */
record FuzzSettings(long seed, long requests, Duration duration, int threads, OptionalLong only) {
    static final long DEFAULT_SECONDS = 40;
    static final int DEFAULT_THREADS = 4;

    static FuzzSettings fromSystemProperties() {
        long seed = Long.getLong("stowage.fuzz.seed", System.nanoTime() ^ 0x5DEECE66DL);
        Long requests = Long.getLong("stowage.fuzz.requests");
        Long seconds = Long.getLong("stowage.fuzz.seconds");
        Duration duration = seconds != null
                ? Duration.ofSeconds(seconds)
                : requests != null ? Duration.ofDays(1) : Duration.ofSeconds(DEFAULT_SECONDS);
        int threads = Integer.getInteger("stowage.fuzz.threads", DEFAULT_THREADS);
        Long only = Long.getLong("stowage.fuzz.only");
        return new FuzzSettings(
                seed,
                only != null ? 1 : requests != null ? requests : Long.MAX_VALUE,
                duration,
                Math.max(1, threads),
                only == null ? OptionalLong.empty() : OptionalLong.of(only));
    }

    /** The command-line flags that replay request {@code index} of this run. */
    String replayFlags(long index) {
        return "-Dstowage.fuzz.seed=" + seed + " -Dstowage.fuzz.only=" + index;
    }
}
