package dev.stowage.host.time;

import java.time.Duration;

/**
 * How much faster than real time the host's waits run: a factor of 10 makes a 30 s stop grace take 3 s. Every
 * configured duration (poll and heartbeat intervals, startup and drain timeouts, simulated load and token times)
 * goes through {@link #scale(Duration)} before the host waits for it.
 */
public record TimeScale(double factor) {
    public static final TimeScale REAL_TIME = new TimeScale(1);

    public TimeScale {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("A time scale must be a positive number, not " + factor + ".");
        }
    }

    public static TimeScale of(double factor) {
        return new TimeScale(factor);
    }

    /** {@code duration} divided by the factor, to the nanosecond. */
    public Duration scale(Duration duration) {
        if (factor == 1) {
            return duration;
        }
        return Duration.ofNanos(Math.round(duration.toNanos() / factor));
    }

    /** {@code millis} milliseconds, scaled. */
    public Duration millis(long millis) {
        return scale(Duration.ofMillis(millis));
    }
}
