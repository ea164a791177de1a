package dev.stowage.local.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the members of CloudWatch requests and responses once the validator has checked their types:
 * absent and null read as empty; timestamps are epoch seconds (tag 1 on the wire); dimensions are lists of {@code
 * {Name, Value}}.
 */
final class Members {
    static final ObjectMapper TREE = new ObjectMapper();

    private Members() {}

    static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static Optional<Integer> integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asInt());
    }

    static Optional<Double> number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asDouble());
    }

    static Optional<Boolean> bool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asBoolean());
    }

    static Optional<Instant> instant(JsonNode node, String name) {
        return number(node, name).map(Members::instant);
    }

    static Instant instant(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000));
    }

    static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    static List<String> texts(JsonNode node, String name) {
        List<String> out = new ArrayList<>();
        node.path(name).forEach(item -> {
            if (!item.isNull()) {
                out.add(item.asText());
            }
        });
        return List.copyOf(out);
    }

    /** {@code [{Name, Value}]} as a map, in request order. */
    static Map<String, String> dimensions(JsonNode node, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        node.path(name)
                .forEach(d -> out.put(d.path("Name").asText(), d.path("Value").asText()));
        return out;
    }

    /** A map as {@code [{Name, Value}]}, by name. */
    static ArrayNode dimensions(Map<String, String> dimensions) {
        ArrayNode out = TREE.createArrayNode();
        dimensions.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(d -> out.addObject().put("Name", d.getKey()).put("Value", d.getValue()));
        return out;
    }
}
