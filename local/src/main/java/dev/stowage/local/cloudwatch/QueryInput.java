package dev.stowage.local.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The query protocol's flat parameters read into the input shape's tree, as the JSON wires carry it: {@code
 * MetricData.member.1.Dimensions.member.2.Name} is a list of structures of lists, {@code Map.entry.1.key} / {@code
 * .value} a map (CloudWatch's model has no flattened lists and no member renames); an empty {@code Name=} is an empty
 * list. Values take their shape's type: numbers, {@code true}/{@code false}, ISO 8601 timestamps as epoch seconds.
 * A value that is not of its type is {@code InvalidParameterValue}; parameters the shape does not name are ignored.
 */
final class QueryInput {
    private final ServiceModel model;

    QueryInput(ServiceModel model) {
        this.model = model;
    }

    /** The parameters as a tree of the structure {@code shape}. */
    ObjectNode read(Map<String, String> parameters, String shape) {
        Node root = new Node();
        parameters.forEach((name, value) -> root.at(name.split("\\.", -1)).value = value);
        return structure(root, (Shape.Structure) model.shape(shape), "");
    }

    private ObjectNode structure(Node node, Shape.Structure shape, String prefix) {
        ObjectNode out = Members.TREE.createObjectNode();
        shape.members().forEach((member, memberShape) -> {
            Node child = node.children.get(member);
            if (child != null) {
                JsonNode value = value(child, model.shape(memberShape), prefix + member);
                if (value != null) {
                    out.set(member, value);
                }
            }
        });
        return out;
    }

    private @Nullable JsonNode value(Node node, Shape shape, String name) {
        if (shape instanceof Shape.Structure structure) {
            return structure(node, structure, name + ".");
        }
        if (shape instanceof Shape.ListOf list) {
            ArrayNode out = Members.TREE.createArrayNode();
            indexed(node.children.get("member"), name).forEach((index, item) -> {
                JsonNode element = value(item, model.shape(list.member()), name + ".member." + index);
                out.add(element == null ? Members.TREE.nullNode() : element);
            });
            return out;
        }
        if (shape instanceof Shape.MapOf map) {
            ObjectNode out = Members.TREE.createObjectNode();
            indexed(node.children.get("entry"), name).forEach((index, entry) -> {
                Node key = entry.children.get("key");
                Node value = entry.children.get("value");
                if (key != null && key.value != null && value != null) {
                    out.set(key.value, value(value, model.shape(map.value()), name + ".entry." + index + ".value"));
                }
            });
            return out;
        }
        return node.value == null ? null : scalar(node.value, shape, name);
    }

    /** The children of {@code .member} or {@code .entry} by their 1-based index, in index order. */
    private static Map<Integer, Node> indexed(@Nullable Node node, String name) {
        Map<Integer, Node> out = new TreeMap<>();
        if (node != null) {
            node.children.forEach((index, item) -> {
                try {
                    out.put(Integer.parseInt(index), item);
                } catch (NumberFormatException e) {
                    throw CloudWatchErrors.invalidValue("The parameter " + name + "." + index + " is not valid.");
                }
            });
        }
        return out;
    }

    private static JsonNode scalar(String text, Shape shape, String name) {
        try {
            return switch (shape) {
                case Shape.Numeric numeric -> number(new BigDecimal(text.strip()), numeric.kind());
                case Shape.Bool bool -> BooleanNode.valueOf(bool(text));
                case Shape.Timestamp timestamp -> timestamp(text.strip());
                case Shape.Text string -> TextNode.valueOf(text);
                case Shape.Blob blob -> TextNode.valueOf(text);
                case Shape.Structure structure -> throw new IllegalStateException(structure.name());
                case Shape.ListOf list -> throw new IllegalStateException(list.name());
                case Shape.MapOf map -> throw new IllegalStateException(map.name());
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw CloudWatchErrors.invalidValue("The value " + text + " for parameter " + name + " is invalid.");
        }
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static JsonNode number(BigDecimal value, Shape.NumberKind kind) {
        if (!kind.integral()) {
            return DoubleNode.valueOf(value.doubleValue());
        }
        try {
            return LongNode.valueOf(value.longValueExact());
        } catch (ArithmeticException e) {
            return DecimalNode.valueOf(value);
        }
    }

    /** ISO 8601, as botocore sends it ({@code 2026-01-01T00:00:00Z}, with or without fractions), or epoch seconds. */
    private static JsonNode timestamp(String text) {
        BigDecimal seconds;
        try {
            seconds = BigDecimal.valueOf(OffsetDateTime.parse(text).toInstant().toEpochMilli(), 3);
        } catch (DateTimeParseException e) {
            seconds = new BigDecimal(text);
        }
        return DecimalNode.valueOf(seconds);
    }

    /** One name segment of the parameters: its value, if a parameter ends here, and the segments below it. */
    private static final class Node {
        private final Map<String, Node> children = new LinkedHashMap<>();
        private @Nullable String value;

        Node at(String[] path) {
            Node node = this;
            for (String segment : path) {
                node = node.children.computeIfAbsent(segment, s -> new Node());
            }
            return node;
        }
    }
}
