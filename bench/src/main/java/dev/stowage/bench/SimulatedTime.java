package dev.stowage.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Local mode's clock at {@code --time-scale}: events carry real instants, and every timer runs {@code scale} times
 * faster, so a real interval of {@code d} is {@code d × scale} simulated. {@code origin} is simulated time zero.
 */
record SimulatedTime(Instant origin, double scale) {

    /** Simulated seconds from the origin to {@code at}. */
    double seconds(Instant at) {
        return Duration.between(origin, at).toNanos() / 1e9 * scale;
    }

    /** Simulated seconds between two real instants. */
    double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9 * scale;
    }

    /** The real instant at {@code simulatedSeconds} after the origin. */
    Instant at(double simulatedSeconds) {
        return origin.plusNanos((long) (simulatedSeconds / scale * 1e9));
    }

    /** The real duration of {@code simulated}. */
    Duration real(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / scale));
    }

    /** {@code at} as a simulated time of day, {@code d1 13:05:07} (day 0 starts at the origin). */
    String clock(Instant at) {
        long s = (long) Math.floor(seconds(at));
        return String.format(Locale.ROOT, "d%d %02d:%02d:%02d", s / 86_400, s % 86_400 / 3600, s % 3600 / 60, s % 60);
    }
}
