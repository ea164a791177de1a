package dev.stowage.host;

import java.time.Duration;

/**
 * Where a copy's start went, phase by phase: getting its image (a pull, or nothing when it is on the host), its
 * artifact (download and unpack, or nothing when cached), starting the runtime, and waiting for the first {@code GET
 * /ping} that answers 200. An adopted container skips the first three.
 */
public record ColdStart(Duration image, Duration artifact, Duration start, Duration firstPing, boolean adopted) {

    public Duration total() {
        return image.plus(artifact).plus(start).plus(firstPing);
    }

    @Override
    public String toString() {
        return "image " + millis(image) + ", artifact " + millis(artifact) + ", start " + millis(start)
                + ", first good ping " + millis(firstPing) + (adopted ? " (adopted)" : "");
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
