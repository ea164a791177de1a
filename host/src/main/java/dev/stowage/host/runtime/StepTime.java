package dev.stowage.host.runtime;

import java.time.Duration;

/**
 * How long one decode step of a continuously batched model server takes: every active sequence gets one token per
 * step, and a step costs {@code tokenTime × (1 + slowdown × (active − 1))}. One sequence alone decodes at {@code
 * tokenTime} per token; each further sequence in the batch adds {@code slowdown × tokenTime} to every step, so the
 * server's throughput ({@code active} tokens per step) still grows with the batch while each request slows down.
 */
record StepTime(Duration tokenTime, double slowdown) {

    StepTime {
        if (tokenTime.isNegative()) {
            throw new IllegalArgumentException("A token time cannot be negative: " + tokenTime + ".");
        }
        if (!(slowdown >= 0) || Double.isInfinite(slowdown)) {
            throw new IllegalArgumentException("A batch slowdown must be a finite number >= 0, not " + slowdown + ".");
        }
    }

    /** The time of one step that decodes {@code active} (at least 1) sequences, in nanoseconds. */
    long nanos(int active) {
        return Math.round(tokenTime.toNanos() * (1 + slowdown * (Math.max(1, active) - 1)));
    }

    /** How much slower each sequence decodes in a batch of {@code active} than alone. */
    double slowdownAt(int active) {
        return 1 + slowdown * (Math.max(1, active) - 1);
    }
}
