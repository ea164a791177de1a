package dev.stowage.functions.dynamodb;

import static dev.stowage.functions.dynamodb.EventsTable.CAUSATION_ID;
import static dev.stowage.functions.dynamodb.EventsTable.CORRELATION_ID;
import static dev.stowage.functions.dynamodb.EventsTable.DATA;
import static dev.stowage.functions.dynamodb.EventsTable.EVENT_ID;
import static dev.stowage.functions.dynamodb.EventsTable.RECORDED_AT;
import static dev.stowage.functions.dynamodb.EventsTable.SCHEMA;
import static dev.stowage.functions.dynamodb.EventsTable.STREAM;
import static dev.stowage.functions.dynamodb.EventsTable.TYPE;
import static dev.stowage.functions.dynamodb.EventsTable.VERSION;

import dev.stowage.domain.store.AppendContext;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.codec.EventCodec;
import dev.stowage.events.codec.UnreadableEvent;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The mapping between an event and its item in the {@link EventsTable}. */
final class EventItem {

    private EventItem() {}

    static Map<String, AttributeValue> of(
            String stream, long version, EventCodec.Encoded event, AppendContext context) {
        return Map.of(
                STREAM, s(stream),
                VERSION, n(version),
                TYPE, s(event.type()),
                SCHEMA, n(event.schemaVersion()),
                DATA, s(event.data()),
                EVENT_ID, s(AppendContext.eventId(stream, version)),
                RECORDED_AT, s(context.recordedAt().toString()),
                CORRELATION_ID, s(context.correlationId()),
                CAUSATION_ID, s(context.causationId()));
    }

    static Map<String, AttributeValue> key(String stream, long version) {
        return Map.of(STREAM, s(stream), VERSION, n(version));
    }

    static EventEnvelope toEnvelope(Map<String, AttributeValue> item, EventCodec codec) {
        String stream = string(item, STREAM);
        long version = Long.parseLong(number(item, VERSION));
        return new EventEnvelope(
                string(item, EVENT_ID),
                stream,
                version,
                Instant.parse(string(item, RECORDED_AT)),
                string(item, CORRELATION_ID),
                string(item, CAUSATION_ID),
                codec.decode(string(item, TYPE), Integer.parseInt(number(item, SCHEMA)), string(item, DATA)));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        if (value == null || value.s() == null) {
            throw missing(item, attribute);
        }
        return value.s();
    }

    private static String number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        if (value == null || value.n() == null) {
            throw missing(item, attribute);
        }
        return value.n();
    }

    private static UnreadableEvent missing(Map<String, AttributeValue> item, String attribute) {
        return new UnreadableEvent(
                "Event item " + item.get(STREAM) + " v" + item.get(VERSION) + " has no " + attribute, null);
    }
}
