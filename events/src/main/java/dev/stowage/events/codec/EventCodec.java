package dev.stowage.events.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.stowage.events.Event;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns events into their stored form and back. Encoding always writes a type's current schema version;
 * decoding accepts every version from 1 to the current one and lifts older data through the upcasters
 * before binding it to the record. Timestamps are ISO-8601 strings; {@link dev.stowage.events.Document}
 * members are plain JSON objects. Thread-safe.
 */
public final class EventCodec {

    /** An event as stored: its type name, the schema version of {@code data}, and the JSON object. */
    public record Encoded(String type, int schemaVersion, String data) {}

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final Map<Class<?>, EventType> byClass = new HashMap<>();
    private final Map<String, EventType> byName = new HashMap<>();
    private final Map<String, Upcaster> upcasters = new HashMap<>();

    public EventCodec() {
        this(EventTypes.ALL, EventTypes.UPCASTERS);
    }

    EventCodec(List<EventType> types, List<Upcaster> upcasterList) {
        for (EventType type : types) {
            require(byName.put(type.name(), type) == null, "Duplicate stored type " + type.name());
            require(byClass.put(type.recordClass(), type) == null, "Two names for " + type.recordClass());
        }
        for (Upcaster upcaster : upcasterList) {
            EventType type = byName.get(upcaster.type());
            require(type != null, "Upcaster for unknown type " + upcaster.type());
            require(
                    upcaster.fromVersion() >= 1 && upcaster.fromVersion() < type.version(),
                    "Upcaster from a version that is not older than current: " + upcaster);
            require(
                    upcasters.put(key(upcaster.type(), upcaster.fromVersion()), upcaster) == null,
                    "Duplicate " + upcaster);
        }
        for (EventType type : types) {
            for (int version = 1; version < type.version(); version++) {
                require(upcasters.containsKey(key(type.name(), version)), "No upcaster from " + type + " v" + version);
            }
        }
    }

    public Encoded encode(Event event) {
        EventType type = byClass.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(
                    "No stored type for " + event.getClass().getName());
        }
        try {
            return new Encoded(type.name(), type.version(), mapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + type.name(), e);
        }
    }

    /** @throws UnreadableEvent for an unknown type, a version newer than this build knows, or bad data */
    public Event decode(String type, int schemaVersion, String data) {
        EventType eventType = byName.get(type);
        if (eventType == null) {
            throw new UnreadableEvent("Unknown stored event type \"" + type + "\"", null);
        }
        if (schemaVersion < 1 || schemaVersion > eventType.version()) {
            throw new UnreadableEvent(
                    "Cannot read schema version " + schemaVersion + " of \"" + type
                            + "\": this build reads versions 1 to " + eventType.version(),
                    null);
        }
        ObjectNode json = parse(type, schemaVersion, data);
        for (int version = schemaVersion; version < eventType.version(); version++) {
            json = upcasters.get(key(type, version)).lift().apply(json.deepCopy());
        }
        try {
            return mapper.treeToValue(json, eventType.recordClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEvent("Cannot read \"" + type + "\" v" + schemaVersion + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode parse(String type, int schemaVersion, String data) {
        JsonNode node;
        try {
            node = mapper.readTree(data);
        } catch (JsonProcessingException e) {
            throw new UnreadableEvent("\"" + type + "\" v" + schemaVersion + " is not JSON", e);
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new UnreadableEvent("\"" + type + "\" v" + schemaVersion + " is not a JSON object", null);
    }

    private static String key(String type, int fromVersion) {
        return type + "@" + fromVersion;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
