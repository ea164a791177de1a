package dev.stowage.local.alarms;

import dev.stowage.host.time.TimeScale;
import java.time.Duration;
import java.time.Instant;

/**
 * An alarm period in real time: {@code length} is the period (simulated seconds) divided by the time scale, to the
 * millisecond (at least 1 ms), and windows are aligned on multiples of it since the epoch. A window is evaluated
 * {@code delay} (a tenth of its length) after it closes, as CloudWatch evaluates a little after a period ends, so
 * that datapoints stamped just before the end have been published.
 */
record AlarmWindow(Duration length, Duration delay) {

    static AlarmWindow of(int periodSeconds, TimeScale scale) {
        long millis = Math.max(1, scale.scale(Duration.ofSeconds(periodSeconds)).toMillis());
        return new AlarmWindow(Duration.ofMillis(millis), Duration.ofMillis(millis / 10));
    }

    /** The end of the latest window that is due for evaluation at {@code now}. */
    Instant lastDueEnd(Instant now) {
        long size = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.minus(delay).toEpochMilli(), size) * size);
    }
}
