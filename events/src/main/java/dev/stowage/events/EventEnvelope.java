package dev.stowage.events;

import java.time.Instant;

/**
 * An event as stored: the fact plus technical metadata. {@code version} starts at 1 and is contiguous
 * within a stream.
 */
public record EventEnvelope(
        String eventId,
        String stream,
        long version,
        Instant recordedAt,
        String correlationId,
        String causationId,
        Event event) {}
