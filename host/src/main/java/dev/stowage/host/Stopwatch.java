package dev.stowage.host;

import java.time.Duration;

/** Monotonic time in laps: each {@link #lap()} is the time since the last one (or the start). */
final class Stopwatch {
    private long last;

    private Stopwatch(long now) {
        this.last = now;
    }

    static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    Duration lap() {
        long now = System.nanoTime();
        Duration lap = Duration.ofNanos(now - last);
        last = now;
        return lap;
    }
}
