package dev.stowage.wire.protocol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The texts of Coral's constraints, e.g. {@code Member must have length less than or equal to 63}. */
final class ConstraintTexts {

    static final String NOT_NULL = "Member must not be null";
    static final String WHOLE_NUMBER = "Member must be a whole number";
    static final String FINITE = "Member must be a finite number";
    static final String TIMESTAMP =
            "Member must be a timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, in epoch seconds";

    private ConstraintTexts() {}

    static String maxLength(long max) {
        return "Member must have length less than or equal to " + max;
    }

    static String minLength(long min) {
        return "Member must have length greater than or equal to " + min;
    }

    static String maxValue(BigDecimal max, Shape.NumberKind kind) {
        return "Member must have value less than or equal to " + bound(max, kind);
    }

    static String minValue(BigDecimal min, Shape.NumberKind kind) {
        return "Member must have value greater than or equal to " + bound(min, kind);
    }

    static String pattern(String display) {
        return "Member must satisfy regular expression pattern: " + display;
    }

    static String enumSet(List<String> values) {
        return "Member must satisfy enum value set: [" + String.join(", ", values) + "]";
    }

    /**
     * Every constraint of a simple shape, in the order Coral lists them inside {@code [...]} when it
     * reports the elements of a list or the keys or values of a map as one: length (max, min), value
     * (max, min), pattern, enum.
     */
    static List<String> all(Shape shape, boolean anchoredPatterns) {
        List<String> texts = new ArrayList<>();
        switch (shape) {
            case Shape.Text text -> {
                if (text.max() != null) texts.add(maxLength(text.max()));
                if (text.min() != null) texts.add(minLength(text.min()));
                if (text.pattern() != null)
                    texts.add(pattern(ModelPattern.of(text.pattern()).display(anchoredPatterns)));
                if (!text.enumValues().isEmpty()) texts.add(enumSet(text.enumValues()));
            }
            case Shape.Numeric numeric -> {
                if (numeric.max() != null) texts.add(maxValue(numeric.max(), numeric.kind()));
                if (numeric.min() != null) texts.add(minValue(numeric.min(), numeric.kind()));
            }
            case Shape.Blob blob -> {
                if (blob.max() != null) texts.add(maxLength(blob.max()));
                if (blob.min() != null) texts.add(minLength(blob.min()));
            }
            case Shape.ListOf list -> {
                if (list.max() != null) texts.add(maxLength(list.max()));
                if (list.min() != null) texts.add(minLength(list.min()));
            }
            case Shape.MapOf map -> {
                if (map.max() != null) texts.add(maxLength(map.max()));
                if (map.min() != null) texts.add(minLength(map.min()));
            }
            case Shape.Structure structure -> {}
            case Shape.Bool bool -> {}
            case Shape.Timestamp timestamp -> {}
        }
        return texts;
    }

    /** Coral prints a floating-point bound as a Java double ({@code 1.0}, {@code 0.25}), others as integers. */
    private static String bound(BigDecimal bound, Shape.NumberKind kind) {
        return kind.integral() ? bound.toBigInteger().toString() : Double.toString(bound.doubleValue());
    }
}
