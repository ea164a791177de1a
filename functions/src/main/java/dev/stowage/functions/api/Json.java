package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.Document;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Small helpers for reading requests and writing responses of the AWS JSON protocols. */
final class Json {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Timestamps travel as epoch seconds, with milliseconds as a fraction; the SDKs parse nothing else. */
    static JsonNode epochSeconds(Instant instant) {
        return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
    }

    static Optional<Instant> instant(JsonNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || !value.isNumber()) {
            return Optional.empty();
        }
        BigDecimal seconds = value.decimalValue();
        return Optional.of(Instant.ofEpochMilli(seconds.movePointRight(3).longValue()));
    }

    static Optional<String> text(JsonNode input, String member) {
        JsonNode value = input.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static String requiredText(JsonNode input, String member) {
        return input.path(member).asText();
    }

    static Optional<Integer> integer(JsonNode input, String... path) {
        JsonNode value = input;
        for (String member : path) {
            value = value.path(member);
        }
        return value.isNumber() ? Optional.of(value.intValue()) : Optional.empty();
    }

    static Optional<Document> document(JsonNode input, String member) {
        JsonNode value = input.get(member);
        return value instanceof ObjectNode object ? Optional.of(Document.of(object)) : Optional.empty();
    }

    /** The request as a document, without the members that name or tag the resource. */
    static Document description(ObjectNode input, String nameMember) {
        ObjectNode copy = input.deepCopy();
        copy.remove(nameMember);
        copy.remove("Tags");
        return Document.of(copy);
    }

    /** {@code target} with every member of {@code document} added. */
    static ObjectNode merge(ObjectNode target, Document document) {
        target.setAll(document.toJson());
        return target;
    }
}
