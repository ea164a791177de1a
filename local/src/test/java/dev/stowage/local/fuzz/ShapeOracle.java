package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The fuzzer's own reading of a service model, written apart from Stowage's validator so that the two can disagree:
 * the ways a request body breaks its input shape. A value of the wrong JSON type, a missing required member, a
 * string outside its length, pattern or enum, a number that is not of its type (a fraction or more than 32 bits for
 * an integer, a non-finite or larger-than-its-type value for a float) or outside its range, a list or map outside its
 * size, a timestamp outside the years 1 to 9999, a blob that is not base64. Members the model does not name and
 * {@code null} values are ignored, as the AWS JSON services ignore them.
 *
 * <p>In the query protocol every scalar is text: a value is then of its type when it reads as one ({@code true} or
 * {@code false}, a decimal number, an ISO 8601 or epoch timestamp).
 */
final class ShapeOracle {
    private static final BigDecimal FIRST_SECOND = BigDecimal.valueOf(-62135596800L);
    private static final BigDecimal LAST_SECOND = BigDecimal.valueOf(253402300799L);
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final ServiceModel model;
    private final boolean queryText;

    ShapeOracle(ServiceModel model, boolean queryText) {
        this.model = model;
        this.queryText = queryText;
    }

    /** What is wrong with {@code body} as the input of {@code operation}; empty when nothing is. */
    List<String> violations(String inputShape, JsonNode body) {
        List<String> found = new ArrayList<>();
        check(model.shape(inputShape), body, "", found);
        return found;
    }

    /** Whether a string value satisfies its shape's pattern, length and enum. */
    static boolean fits(Shape.Text text, String value) {
        long length = value.codePointCount(0, value.length());
        return (text.min() == null || length >= text.min())
                && (text.max() == null || length <= text.max())
                && (text.pattern() == null
                        || pattern(text.pattern()).matcher(value).matches())
                && (text.enumValues().isEmpty() || text.enumValues().contains(value));
    }

    static Pattern pattern(String source) {
        return PATTERNS.computeIfAbsent(source, Pattern::compile);
    }

    private void check(Shape shape, JsonNode value, String path, List<String> found) {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        switch (shape) {
            case Shape.Structure structure -> structure(structure, value, path, found);
            case Shape.ListOf list -> {
                if (!value.isArray()) {
                    found.add(path + ": not a list");
                    return;
                }
                size(value.size(), list.min(), list.max(), path, found);
                Shape member = model.shape(list.member());
                for (int i = 0; i < value.size(); i++) {
                    check(member, value.get(i), path + "[" + i + "]", found);
                }
            }
            case Shape.MapOf map -> {
                if (!value.isObject()) {
                    found.add(path + ": not a map");
                    return;
                }
                size(value.size(), map.min(), map.max(), path, found);
                Shape key = model.shape(map.key());
                Shape entry = model.shape(map.value());
                value.properties().forEach(e -> {
                    if (key instanceof Shape.Text text && !fits(text, e.getKey())) {
                        found.add(path + ": key '" + e.getKey() + "' breaks " + text.name());
                    }
                    check(entry, e.getValue(), path + "." + e.getKey(), found);
                });
            }
            case Shape.Text text -> {
                if (!value.isTextual() && !(queryText && value.isValueNode())) {
                    found.add(path + ": not a string");
                } else if (!fits(text, value.asText())) {
                    found.add(path + ": breaks " + text.name());
                }
            }
            case Shape.Numeric numeric -> number(numeric, value, path, found);
            case Shape.Bool bool -> {
                if (!bool(value)) {
                    found.add(path + ": not a boolean");
                }
            }
            case Shape.Timestamp timestamp -> {
                Optional<BigDecimal> seconds = timestamp(value);
                if (seconds.isEmpty()
                        || seconds.get().compareTo(FIRST_SECOND) < 0
                        || seconds.get().compareTo(LAST_SECOND) > 0) {
                    found.add(path + ": not a timestamp of the years 1 to 9999");
                }
            }
            case Shape.Blob blob -> blob(blob, value, path, found);
        }
    }

    private void structure(Shape.Structure structure, JsonNode value, String path, List<String> found) {
        if (!value.isObject()) {
            found.add(path + ": not a structure");
            return;
        }
        structure.members().forEach((name, shape) -> {
            JsonNode member = value.get(name);
            if (member == null || member.isNull()) {
                if (structure.required().contains(name)) {
                    found.add(path + "." + name + ": required");
                }
            } else {
                check(model.shape(shape), member, path + "." + name, found);
            }
        });
    }

    private void number(Shape.Numeric numeric, JsonNode value, String path, List<String> found) {
        Optional<BigDecimal> read = decimal(value);
        if (read.isEmpty()) {
            found.add(path + ": not a finite number");
            return;
        }
        BigDecimal number = read.get();
        Shape.NumberKind kind = numeric.kind();
        if (kind.integral()
                && number.signum() != 0
                && number.stripTrailingZeros().scale() > 0) {
            found.add(path + ": not a whole number");
        } else if (number.compareTo(kind.least()) < 0 || number.compareTo(kind.greatest()) > 0) {
            found.add(path + ": beyond " + kind);
        } else if ((numeric.min() != null && number.compareTo(numeric.min()) < 0)
                || (numeric.max() != null && number.compareTo(numeric.max()) > 0)) {
            found.add(path + ": outside [" + numeric.min() + ", " + numeric.max() + "]");
        }
    }

    private Optional<BigDecimal> decimal(JsonNode value) {
        if (value.isNumber()) {
            if (value.isFloat() || value.isDouble()) {
                double d = value.doubleValue();
                return Double.isFinite(d) ? Optional.of(new BigDecimal(d)) : Optional.empty();
            }
            return Optional.of(value.decimalValue());
        }
        if (queryText && value.isTextual()) {
            try {
                return Optional.of(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return true;
        }
        if (!value.isTextual()) {
            return false;
        }
        String text = value.asText();
        return queryText
                ? text.equals("true") || text.equals("false")
                : text.toLowerCase(Locale.ROOT).equals("true")
                        || text.toLowerCase(Locale.ROOT).equals("false");
    }

    private Optional<BigDecimal> timestamp(JsonNode value) {
        if (queryText && value.isTextual()) {
            try {
                return Optional.of(BigDecimal.valueOf(
                        OffsetDateTime.parse(value.asText().strip()).toEpochSecond()));
            } catch (DateTimeParseException e) {
                return decimal(value);
            }
        }
        return decimal(value);
    }

    private static void blob(Shape.Blob blob, JsonNode value, String path, List<String> found) {
        if (!value.isTextual()) {
            found.add(path + ": not base64 text");
            return;
        }
        try {
            size(Base64.getDecoder().decode(value.asText()).length, blob.min(), blob.max(), path, found);
        } catch (IllegalArgumentException e) {
            found.add(path + ": not base64");
        }
    }

    private static void size(long size, Long min, Long max, String path, List<String> found) {
        if ((min != null && size < min) || (max != null && size > max)) {
            found.add(path + ": size " + size + " outside [" + min + ", " + max + "]");
        }
    }
}
