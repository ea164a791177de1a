package dev.stowage.local.stream;

import java.time.Duration;

/** Waits between polls and retries; a stopped owner cuts the wait short. */
@FunctionalInterface
interface Pause {
    /** Waits up to {@code duration}; false when the owner was stopped (before or during the wait). */
    boolean pause(Duration duration);
}
