package dev.stowage.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON object: the resource description a user supplied (a model's containers, an endpoint
 * config's variants, an inference component's specification), recorded as given so that Describe echoes
 * it back. The domain reads the parts it reasons about through the typed accessors; see ADR 0002.
 */
public final class Document {
    private static final Document EMPTY = new Document(JsonNodeFactory.instance.objectNode());

    private final ObjectNode json;

    private Document(ObjectNode json) {
        this.json = json;
    }

    @JsonCreator
    public static Document of(ObjectNode json) {
        return new Document(json.deepCopy());
    }

    public static Document empty() {
        return EMPTY;
    }

    /** A copy of the whole object. */
    @JsonValue
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    /** The node at a path of member names, if every step exists and is not JSON null. */
    public Optional<JsonNode> at(String... path) {
        JsonNode node = json;
        for (String member : path) {
            node = node.get(member);
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
        }
        return Optional.of(node.deepCopy());
    }

    public Optional<String> text(String... path) {
        return at(path).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    public Optional<Double> number(String... path) {
        return at(path).filter(JsonNode::isNumber).map(JsonNode::asDouble);
    }

    public boolean has(String... path) {
        return at(path).isPresent();
    }

    /** This document with one top-level member replaced (or removed when {@code value} is null). */
    public Document with(String member, @Nullable JsonNode value) {
        ObjectNode copy = json.deepCopy();
        if (value == null || value.isNull()) {
            copy.remove(member);
        } else {
            copy.set(member, value.deepCopy());
        }
        return new Document(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Document that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
