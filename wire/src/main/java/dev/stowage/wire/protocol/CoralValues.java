package dev.stowage.wire.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Prints a request value the way Coral prints it in a validation message: the Java {@code toString} of
 * the deserialized value in single quotes ({@code 'my_ic'}, {@code '0'}, {@code '2.0'}, {@code '[a,
 * b]'}, {@code '{k=v}'}), or a bare {@code null}.
 */
final class CoralValues {

    private CoralValues() {}

    static String quoted(@Nullable JsonNode value, Shape shape, ServiceModel model) {
        return value == null || value.isNull() ? "null" : "'" + plain(value, shape, model) + "'";
    }

    static String plain(JsonNode value, Shape shape, ServiceModel model) {
        return switch (shape) {
            case Shape.Numeric numeric -> number(value, numeric.kind());
            case Shape.ListOf list -> {
                List<String> items = new ArrayList<>();
                value.forEach(
                        item -> items.add(item.isNull() ? "null" : plain(item, model.shape(list.member()), model)));
                yield "[" + String.join(", ", items) + "]";
            }
            case Shape.MapOf map -> entries(value, name -> model.shape(map.value()), model);
            case Shape.Structure structure -> entries(value, name -> memberShape(structure, name, model), model);
            case Shape.Text text -> value.asText();
            case Shape.Bool bool -> value.asText();
            case Shape.Timestamp timestamp -> value.asText();
            case Shape.Blob blob -> value.asText();
        };
    }

    /** As the request had it, for a value that failed (an integer's fraction or size is the point). */
    static String number(JsonNode value, Shape.NumberKind kind) {
        if (kind.integral() && value.canConvertToLong() && value.isIntegralNumber()) {
            return Long.toString(value.asLong());
        }
        if (value.isFloatingPointNumber() && !value.isBigDecimal()) {
            return Double.toString(value.asDouble());
        }
        return value.asText();
    }

    private static @Nullable Shape memberShape(Shape.Structure structure, String name, ServiceModel model) {
        String shape = structure.members().get(name);
        return shape == null ? null : model.shape(shape);
    }

    private static String entries(JsonNode value, Function<String, @Nullable Shape> shapes, ServiceModel model) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            Shape shape = shapes.apply(entry.getKey());
            if (shape != null && !entry.getValue().isNull()) {
                entries.add(entry.getKey() + "=" + plain(entry.getValue(), shape, model));
            }
        }
        return "{" + String.join(", ", entries) + "}";
    }
}
