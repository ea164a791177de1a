package dev.stowage.wire.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One shape of a botocore service model, reduced to what validation needs. Every shape knows its name;
 * constraints absent from the model are {@code null} (or empty).
 */
public sealed interface Shape {

    /** The shape's name in the model, e.g. {@code InferenceComponentName}. */
    String name();

    /**
     * A structure. {@code members} maps wire member names to shape names in model order; that is the
     * order in which violations are reported.
     */
    record Structure(String name, SequencedMap<String, String> members, Set<String> required) implements Shape {}

    /** A list; {@code min}/{@code max} bound its number of elements. */
    record ListOf(String name, String member, @Nullable Long min, @Nullable Long max) implements Shape {}

    /** A map with string keys; {@code min}/{@code max} bound its number of entries. */
    record MapOf(String name, String key, String value, @Nullable Long min, @Nullable Long max) implements Shape {}

    /**
     * A string; {@code min}/{@code max} bound its length in characters, {@code pattern} is the model's
     * pattern as written there, {@code enumValues} is empty when the string is not an enum.
     */
    record Text(String name, @Nullable Long min, @Nullable Long max, @Nullable String pattern, List<String> enumValues)
            implements Shape {}

    /** An integer, long, float or double with its inclusive range. */
    record Numeric(String name, NumberKind kind, @Nullable BigDecimal min, @Nullable BigDecimal max) implements Shape {}

    /** A boolean. */
    record Bool(String name) implements Shape {}

    /** A timestamp: epoch seconds on the JSON 1.1 wire. */
    record Timestamp(String name) implements Shape {}

    /** A blob: base64 text on the JSON 1.1 wire. */
    record Blob(String name, @Nullable Long min, @Nullable Long max) implements Shape {}

    /** The numeric types of the model. */
    enum NumberKind {
        INTEGER,
        LONG,
        FLOAT,
        DOUBLE;

        /** Whether values of this kind are whole numbers. */
        public boolean integral() {
            return this == INTEGER || this == LONG;
        }

        /** The least value of the kind (a float's and a double's: the most negative finite one). */
        public BigDecimal least() {
            return switch (this) {
                case INTEGER -> BigDecimal.valueOf(Integer.MIN_VALUE);
                case LONG -> BigDecimal.valueOf(Long.MIN_VALUE);
                case FLOAT -> BigDecimal.valueOf(-Float.MAX_VALUE);
                case DOUBLE -> BigDecimal.valueOf(-Double.MAX_VALUE);
            };
        }

        /** The greatest value of the kind (a float's and a double's: the greatest finite one). */
        public BigDecimal greatest() {
            return switch (this) {
                case INTEGER -> BigDecimal.valueOf(Integer.MAX_VALUE);
                case LONG -> BigDecimal.valueOf(Long.MAX_VALUE);
                case FLOAT -> BigDecimal.valueOf(Float.MAX_VALUE);
                case DOUBLE -> BigDecimal.valueOf(Double.MAX_VALUE);
            };
        }
    }
}
