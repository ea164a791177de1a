package dev.stowage.wire.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A request reduced to the members its service model defines, at every depth. The service ignores members it does
 * not model: it neither stores them nor echoes them back in a Describe, and neither may Stowage, or an unknown member
 * of a megabyte would be written into an event.
 */
public final class ModelledMembers {
    private final ServiceModel model;

    public ModelledMembers(ServiceModel model) {
        this.model = model;
    }

    /**
     * A copy of {@code body} without the members {@code operation}'s input does not model (its values are taken to
     * have the JSON types of their shapes, as {@link RequestValidator} checks first).
     */
    public ObjectNode of(String operation, ObjectNode body) {
        String input = model.operation(operation).map(Operation::input).orElse(null);
        return input == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) keep(model.shape(input), body);
    }

    private JsonNode keep(Shape shape, JsonNode value) {
        if (shape instanceof Shape.Structure structure && value instanceof ObjectNode object) {
            return structure(structure, object);
        }
        if (shape instanceof Shape.ListOf list && value instanceof ArrayNode array) {
            return list(list, array);
        }
        if (shape instanceof Shape.MapOf map && value instanceof ObjectNode object) {
            return map(map, object);
        }
        return value;
    }

    private ObjectNode structure(Shape.Structure structure, ObjectNode value) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> member : structure.members().entrySet()) {
            JsonNode memberValue = value.get(member.getKey());
            if (memberValue != null) {
                kept.set(member.getKey(), keep(model.shape(member.getValue()), memberValue));
            }
        }
        return kept;
    }

    private ArrayNode list(Shape.ListOf list, ArrayNode value) {
        Shape element = model.shape(list.member());
        ArrayNode kept = JsonNodeFactory.instance.arrayNode(value.size());
        value.forEach(item -> kept.add(keep(element, item)));
        return kept;
    }

    private ObjectNode map(Shape.MapOf map, ObjectNode value) {
        Shape entry = model.shape(map.value());
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        value.properties().forEach(e -> kept.set(e.getKey(), keep(entry, e.getValue())));
        return kept;
    }
}
