package dev.stowage.events.codec;

import dev.stowage.events.Event;

/**
 * How one event record is stored: a stable {@code name} (never a class name) and the schema {@code version}
 * written today. Older versions are read through {@link Upcaster}s.
 */
public record EventType(String name, int version, Class<? extends Event> recordClass) {

    public EventType {
        if (version < 1) {
            throw new IllegalArgumentException("Schema versions start at 1: " + name);
        }
    }
}
