package dev.stowage.local.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a run did and found.
 *
 * @param seed the run's seed
 * @param sent how many requests were sent
 * @param took how long sending them took
 * @param outcomes how many answers of each kind ({@code 2xx}, {@code 4xx}, {@code 413}, {@code no answer}…)
 * @param kinds how many failures of each kind
 * @param failures the first failures, each with its request and how to replay it
 * @param failureCount how many failures there were in all
 */
record FuzzReport(
        long seed,
        long sent,
        Duration took,
        List<String> outcomes,
        List<String> kinds,
        List<String> failures,
        long failureCount) {
    String summary() {
        double seconds = took.toMillis() / 1000.0;
        return String.format(
                Locale.ROOT,
                "fuzzed %,d requests in %.1f s (%.0f requests/s), seed %d: %s; %d failure(s)",
                sent,
                seconds,
                sent / Math.max(seconds, 0.001),
                seed,
                String.join(", ", outcomes),
                failureCount);
    }

    String failureText() {
        return summary() + "\n  " + String.join("\n  ", kinds) + "\n\n" + String.join("\n\n", failures);
    }
}
