package dev.stowage.wire.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Validates a JSON 1.1 request body against an operation's input shape as the real AWS JSON services
 * (Coral) do, and words the result as they do:
 *
 * <pre>2 validation errors detected: Value null at 'endpointName' failed to satisfy constraint: Member
 * must not be null; Value 'my_ic' at 'inferenceComponentName' failed to satisfy constraint: ...</pre>
 *
 * <ul>
 *   <li>First the JSON types are read; a wrong type fails the request with a {@code
 *       SerializationException} and no constraint is checked. Unknown members and {@code null} values
 *       are ignored.
 *   <li>Then constraints, depth-first in model member order: required members, enum, pattern (whole
 *       value), length of strings/lists/maps, range of numbers. Paths are the wire member names with the
 *       first letter lowercased, joined by dots; a structure in a list is {@code list.<1-based
 *       index>.member}, in a map {@code map.<key>.member}.
 *   <li>Simple list elements and map keys and values are reported once per collection, at the
 *       collection, listing every constraint of the element shape: {@code Member must satisfy constraint:
 *       [...]}, {@code Map keys must satisfy constraint: [...]}, {@code Map value must satisfy
 *       constraint: [...]}.
 *   <li>At most {@value #MAX_VIOLATIONS} violations are reported, like Coral.
 * </ul>
 *
 * <p>Thread-safe; create one per service model.
 */
public final class RequestValidator {

    /** Coral stops collecting after this many violations. */
    public static final int MAX_VIOLATIONS = 10;

    /** The first and last second of the years 1 to 9999, which the services' timestamps cover. */
    private static final BigDecimal FIRST_SECOND = BigDecimal.valueOf(-62135596800L);

    private static final BigDecimal LAST_SECOND = BigDecimal.valueOf(253402300799L);

    private final ServiceModel model;
    private final boolean anchoredPatterns;
    private final JsonTypeCheck types;
    private final Map<String, ModelPattern> patterns = new ConcurrentHashMap<>();

    /**
     * A validator for the model.
     *
     * @param anchoredPatterns whether messages print patterns as {@code ^...$} (SageMaker does)
     */
    public RequestValidator(ServiceModel model, boolean anchoredPatterns) {
        this.model = model;
        this.anchoredPatterns = anchoredPatterns;
        this.types = new JsonTypeCheck(model);
    }

    /** A validator printing patterns as the service does: anchored for SageMaker, as modeled otherwise. */
    public static RequestValidator forModel(ServiceModel model) {
        return new RequestValidator(model, model.targetPrefix().equals("SageMaker"));
    }

    /**
     * The violations of the request, empty when it is valid.
     *
     * @param operation an operation of the model
     * @param body the parsed request body ({@code {}} when the request had none)
     * @throws WireException a {@code SerializationException} when a value has the wrong JSON type
     * @throws IllegalArgumentException when the model has no such operation
     */
    public List<Violation> validate(String operation, JsonNode body) {
        Operation op =
                model.operation(operation).orElseThrow(() -> new IllegalArgumentException("no operation " + operation));
        if (op.input() == null) {
            return List.of();
        }
        Shape input = model.shape(op.input());
        types.check(body, input);
        List<Violation> found = new ArrayList<>();
        if (input instanceof Shape.Structure structure && body.isObject()) {
            members(structure, body, "", found);
        }
        return List.copyOf(found);
    }

    /**
     * Validates and throws the service's answer when the request is invalid.
     *
     * @throws WireException {@code SerializationException} or {@code ValidationException} (400)
     */
    public void check(String operation, JsonNode body) {
        List<Violation> violations = validate(operation, body);
        if (!violations.isEmpty()) {
            throw WireError.validation(message(violations)).exception();
        }
    }

    /** The final message: {@code N validation error(s) detected: <first>; <second>}. */
    public static String message(List<Violation> violations) {
        int n = violations.size();
        List<String> texts = violations.stream().map(Violation::text).toList();
        return n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", texts);
    }

    private void members(Shape.Structure structure, JsonNode object, String prefix, List<Violation> found) {
        for (Map.Entry<String, String> member : structure.members().entrySet()) {
            String path = prefix + lowerFirst(member.getKey());
            JsonNode value = object.path(member.getKey());
            if (value.isNull() || value.isMissingNode()) {
                if (structure.required().contains(member.getKey())) {
                    add(found, new Violation(path, "null", ConstraintTexts.NOT_NULL));
                }
            } else {
                value(model.shape(member.getValue()), value, path, found);
            }
        }
    }

    private void value(Shape shape, JsonNode value, String path, List<Violation> found) {
        List<String> failed = failures(shape, value);
        for (String constraint : failed) {
            add(found, new Violation(path, CoralValues.quoted(value, shape, model), constraint));
        }
        switch (shape) {
            case Shape.Structure structure -> members(structure, value, path + ".", found);
            case Shape.ListOf list -> elements(list, value, path, found);
            case Shape.MapOf map -> entries(map, value, path, found);
            default -> {}
        }
    }

    private void elements(Shape.ListOf list, JsonNode value, String path, List<Violation> found) {
        Shape member = model.shape(list.member());
        if (aggregate(member)) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isNull()) {
                    value(member, item, path + "." + (i + 1) + ".member", found);
                }
            }
        } else if (anyFails(member, value.elements())) {
            collection(list, value, path, "Member must satisfy constraint: ", member, found);
        }
    }

    private void entries(Shape.MapOf map, JsonNode value, String path, List<Violation> found) {
        Shape key = model.shape(map.key());
        List<JsonNode> keys = new ArrayList<>();
        value.fieldNames().forEachRemaining(name -> keys.add(TextNode.valueOf(name)));
        if (anyFails(key, keys.iterator())) {
            collection(map, value, path, "Map keys must satisfy constraint: ", key, found);
        }
        Shape member = model.shape(map.value());
        if (aggregate(member)) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                if (!entry.getValue().isNull()) {
                    value(member, entry.getValue(), path + "." + entry.getKey() + ".member", found);
                }
            }
        } else if (anyFails(member, value.elements())) {
            collection(map, value, path, "Map value must satisfy constraint: ", member, found);
        }
    }

    private void collection(
            Shape shape, JsonNode value, String path, String lead, Shape element, List<Violation> found) {
        String constraints = "[" + String.join(", ", ConstraintTexts.all(element, anchoredPatterns)) + "]";
        add(found, new Violation(path, CoralValues.quoted(value, shape, model), lead + constraints));
    }

    private boolean anyFails(Shape shape, Iterator<JsonNode> values) {
        while (values.hasNext()) {
            JsonNode value = values.next();
            if (!value.isNull() && !failures(shape, value).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The constraints of the shape itself that the value fails, in Coral's order. */
    private List<String> failures(Shape shape, JsonNode value) {
        List<String> failed = new ArrayList<>();
        switch (shape) {
            case Shape.Text text -> {
                String s = value.asText();
                if (!text.enumValues().isEmpty() && !text.enumValues().contains(s)) {
                    failed.add(ConstraintTexts.enumSet(text.enumValues()));
                }
                if (text.pattern() != null) {
                    ModelPattern pattern = patterns.computeIfAbsent(text.pattern(), ModelPattern::of);
                    if (!pattern.matches(s)) {
                        failed.add(ConstraintTexts.pattern(pattern.display(anchoredPatterns)));
                    }
                }
                length(s.codePointCount(0, s.length()), text.min(), text.max(), failed);
            }
            case Shape.Numeric numeric -> number(numeric, value, failed);
            case Shape.Blob blob ->
                length(Base64.getDecoder().decode(value.asText()).length, blob.min(), blob.max(), failed);
            case Shape.ListOf list -> length(value.size(), list.min(), list.max(), failed);
            case Shape.MapOf map -> length(value.size(), map.min(), map.max(), failed);
            case Shape.Structure structure -> {}
            case Shape.Bool bool -> {}
            case Shape.Timestamp timestamp -> {
                if (!value.isNumber() || !finite(value) || outside(value.decimalValue(), FIRST_SECOND, LAST_SECOND)) {
                    failed.add(ConstraintTexts.TIMESTAMP);
                }
            }
        }
        return failed;
    }

    /**
     * A number is read exactly and checked against its kind before the model's range: an integer member takes only
     * whole numbers its type holds (never wrapped: 2^32 + 1 is not 1), a floating-point member only finite ones.
     */
    private static void number(Shape.Numeric numeric, JsonNode value, List<String> failed) {
        if (!finite(value)) {
            failed.add(ConstraintTexts.FINITE);
            return;
        }
        BigDecimal number = value.decimalValue();
        Shape.NumberKind kind = numeric.kind();
        if (kind.integral() && number.stripTrailingZeros().scale() > 0) {
            failed.add(ConstraintTexts.WHOLE_NUMBER);
            return;
        }
        BigDecimal min = numeric.min() == null ? kind.least() : numeric.min().max(kind.least());
        BigDecimal max = numeric.max() == null ? kind.greatest() : numeric.max().min(kind.greatest());
        if (!kind.integral() && (number.compareTo(kind.least()) < 0 || number.compareTo(kind.greatest()) > 0)) {
            failed.add(ConstraintTexts.FINITE);
            return;
        }
        if (number.compareTo(min) < 0) {
            failed.add(ConstraintTexts.minValue(min, kind));
        }
        if (number.compareTo(max) > 0) {
            failed.add(ConstraintTexts.maxValue(max, kind));
        }
    }

    private static boolean finite(JsonNode value) {
        return !value.isFloatingPointNumber() || Double.isFinite(value.doubleValue()) || value.isBigDecimal();
    }

    private static boolean outside(BigDecimal value, BigDecimal min, BigDecimal max) {
        return value.compareTo(min) < 0 || value.compareTo(max) > 0;
    }

    private static void length(long length, @Nullable Long min, @Nullable Long max, List<String> failed) {
        if (min != null && length < min) {
            failed.add(ConstraintTexts.minLength(min));
        }
        if (max != null && length > max) {
            failed.add(ConstraintTexts.maxLength(max));
        }
    }

    private static boolean aggregate(Shape shape) {
        return shape instanceof Shape.Structure || shape instanceof Shape.ListOf || shape instanceof Shape.MapOf;
    }

    private static void add(List<Violation> found, Violation violation) {
        if (found.size() < MAX_VIOLATIONS) {
            found.add(violation);
        }
    }

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
