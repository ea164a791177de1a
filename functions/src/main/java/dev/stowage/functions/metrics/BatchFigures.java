package dev.stowage.functions.metrics;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What a stream-driven function did with one batch of records, as its own figures: on AWS one EMF line per batch in
 * {@code Stowage/Functions} with dimension {@code Function} — {@code Records}, what it worked on ({@code Fleets}
 * reconciled, or {@code Streams} caught up), {@code FailedBatches} (0 or 1, so its Sum counts failures and its
 * Average is the failure rate) and {@code BatchDuration}. Lambda's own metrics see only invocations; these say how
 * much work each did and how long it took.
 */
public interface BatchFigures {
    /** Records nothing (local mode, tests). */
    BatchFigures NONE = (records, worked, failed, took) -> {};

    /** {@code worked}: how many fleets (or streams) the batch's records came down to. */
    void batch(int records, int worked, boolean failed, Duration took);

    /** Figures of {@code function}, whose work is counted as {@code worked} ({@code Fleets}, {@code Streams}). */
    static BatchFigures emf(String function, String worked, PrintStream out, Clock clock) {
        EmfMetrics metrics = new EmfMetrics("Stowage/Functions", Map.of("Function", function), out, clock);
        return (records, count, failed, took) -> {
            synchronized (metrics) {
                metrics.add("Records", "Count", records);
                metrics.add(worked, "Count", count);
                metrics.add("FailedBatches", "Count", failed ? 1 : 0);
                metrics.add("BatchDuration", "Milliseconds", took.toNanos() / 1e6);
                metrics.flush();
            }
        };
    }

    /** A Lambda function's figures: stdout, which Lambda sends to CloudWatch Logs, where EMF becomes metrics. */
    static BatchFigures forFunction(String function, String worked) {
        return emf(function, worked, System.out, Clock.systemUTC());
    }
}
