package dev.stowage.domain.store;

import dev.stowage.events.EventEnvelope;
import dev.stowage.events.codec.EventCodec;
import java.time.Instant;

/** An envelope with its event in stored form, as {@link InMemoryEventStore} keeps it. */
record StoredEvent(
        String eventId,
        String stream,
        long version,
        Instant recordedAt,
        String correlationId,
        String causationId,
        EventCodec.Encoded event) {

    static StoredEvent of(String stream, long version, EventCodec.Encoded event, AppendContext context) {
        return new StoredEvent(
                AppendContext.eventId(stream, version),
                stream,
                version,
                context.recordedAt(),
                context.correlationId(),
                context.causationId(),
                event);
    }

    EventEnvelope toEnvelope(EventCodec codec) {
        return new EventEnvelope(
                eventId,
                stream,
                version,
                recordedAt,
                correlationId,
                causationId,
                codec.decode(event.type(), event.schemaVersion(), event.data()));
    }
}
