package dev.stowage.wire.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The first step of the service: reading the JSON into the input shape. A value of the wrong JSON type
 * fails the whole request with a {@code SerializationException} in Coral's words; unknown members and
 * {@code null} values are ignored, as on the real service. Runs before any constraint is checked.
 */
final class JsonTypeCheck {

    private static final String NUMBER_CLASS = "class com.amazon.coral.value.json.numbers.TruncatingBigNumber";
    private static final String LIST_FOUND = "Start of list found where not expected";
    private static final String OBJECT_FOUND = "Start of structure or map found where not expected.";

    private final ServiceModel model;

    JsonTypeCheck(ServiceModel model) {
        this.model = model;
    }

    /**
     * Checks the value against the shape.
     *
     * @throws WireException a {@code SerializationException} at the first mismatch
     */
    void check(JsonNode value, Shape shape) {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        switch (shape) {
            case Shape.Structure structure -> {
                container(value, true, "Expected null");
                for (Map.Entry<String, JsonNode> member : value.properties()) {
                    String memberShape = structure.members().get(member.getKey());
                    if (memberShape != null) {
                        check(member.getValue(), model.shape(memberShape));
                    }
                }
            }
            case Shape.MapOf map -> {
                container(value, true, "Expected map or null");
                Shape values = model.shape(map.value());
                value.properties().forEach(entry -> check(entry.getValue(), values));
            }
            case Shape.ListOf list -> {
                container(value, false, "Expected list or null");
                Shape members = model.shape(list.member());
                value.forEach(item -> check(item, members));
            }
            case Shape.Text text -> scalar(value, value.isTextual(), "String");
            case Shape.Numeric numeric -> scalar(value, value.isNumber(), coralName(numeric.kind()));
            case Shape.Timestamp timestamp -> scalar(value, value.isNumber(), "Date");
            case Shape.Bool bool -> bool(value);
            case Shape.Blob blob -> blob(value);
        }
    }

    private static void container(JsonNode value, boolean object, String scalarMessage) {
        if (object && value.isArray()) {
            throw fail(LIST_FOUND);
        }
        if (!object && value.isObject()) {
            throw fail(OBJECT_FOUND);
        }
        if (!value.isContainerNode()) {
            throw fail(scalarMessage);
        }
    }

    private static void scalar(JsonNode value, boolean ok, String target) {
        if (ok) {
            return;
        }
        if (value.isArray()) {
            throw fail(LIST_FOUND);
        }
        if (value.isObject()) {
            throw fail(OBJECT_FOUND);
        }
        throw fail(javaClass(value) + " can not be converted to an " + target);
    }

    private static void bool(JsonNode value) {
        if (value.isBoolean()) {
            return;
        }
        // Coral reads the strings true and false as booleans and names anything else in upper case.
        if (value.isTextual()) {
            String text = value.asText().toUpperCase(Locale.ROOT);
            if (text.equals("TRUE") || text.equals("FALSE")) {
                return;
            }
            throw fail("'" + text + "' can not be converted to an Boolean");
        }
        scalar(value, false, "Boolean");
    }

    private static void blob(JsonNode value) {
        if (!value.isTextual()) {
            if (value.isContainerNode()) {
                scalar(value, false, "Blob");
            }
            throw fail(javaClass(value) + " can not be converted to a Blob");
        }
        try {
            Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw fail("'" + value.asText() + "' can not be converted to a Blob: " + e.getMessage());
        }
    }

    private static String javaClass(JsonNode value) {
        if (value.isBoolean()) {
            return "class java.lang.Boolean";
        }
        return value.isNumber() ? NUMBER_CLASS : "class java.lang.String";
    }

    private static String coralName(Shape.NumberKind kind) {
        return switch (kind) {
            case INTEGER -> "Integer";
            case LONG -> "Long";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
        };
    }

    private static WireException fail(String message) {
        return WireError.serialization(message).exception();
    }
}
