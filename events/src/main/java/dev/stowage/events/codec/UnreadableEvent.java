package dev.stowage.events.codec;

import org.jspecify.annotations.Nullable;

/**
 * A stored event this build cannot read: an unknown type name, a schema version newer than this build
 * knows, or data that does not fit the record.
 */
public final class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
