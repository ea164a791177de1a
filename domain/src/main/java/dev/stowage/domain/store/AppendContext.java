package dev.stowage.domain.store;

import java.time.Instant;

/**
 * The technical metadata stamped on every event of one append. Event ids are {@code <stream>#<version>}:
 * unique, and the same on every retry, which makes them usable as client tokens for side effects.
 */
public record AppendContext(Instant recordedAt, String correlationId, String causationId) {

    public static String eventId(String stream, long version) {
        return stream + "#" + version;
    }
}
