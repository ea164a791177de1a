package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request tree as the query protocol's form parameters ({@code Action}, {@code Version}, then {@code
 * Name.member.1}, {@code Map.entry.1.key}…), and the tree as those parameters carry it: {@code null} values and
 * empty structures and maps send nothing, so they are gone.
 */
final class QueryForm {
    static final String VERSION = "2010-08-01";

    private final ServiceModel model;

    QueryForm(ServiceModel model) {
        this.model = model;
    }

    /** The form of {@code tree}, the input of {@code action}. */
    String encode(String action, Shape.Structure input, JsonNode tree) {
        List<String> parameters = new ArrayList<>();
        parameters.add("Action=" + action);
        parameters.add("Version=" + VERSION);
        structure(input, tree, "", parameters);
        return String.join("&", parameters);
    }

    /** What of {@code tree} the form carries. */
    JsonNode carried(Shape shape, JsonNode tree) {
        switch (shape) {
            case Shape.Structure structure -> {
                ObjectNode out = ExactJson.NODES.objectNode();
                structure.members().forEach((name, member) -> {
                    JsonNode value = tree.get(name);
                    if (value != null && !value.isNull()) {
                        JsonNode kept = carried(model.shape(member), value);
                        if (!(kept.isObject() && kept.isEmpty())) {
                            out.set(name, kept);
                        }
                    }
                });
                return out;
            }
            case Shape.ListOf list -> {
                if (!tree.isArray()) {
                    return tree;
                }
                ArrayNode out = ExactJson.NODES.arrayNode();
                tree.forEach(item -> {
                    JsonNode kept = item.isNull() ? item : carried(model.shape(list.member()), item);
                    if (!kept.isNull() && !(kept.isObject() && kept.isEmpty())) {
                        out.add(kept);
                    }
                });
                return out;
            }
            case Shape.MapOf map -> {
                if (!tree.isObject()) {
                    return tree;
                }
                ObjectNode out = ExactJson.NODES.objectNode();
                tree.properties().forEach(e -> {
                    if (!e.getValue().isNull()) {
                        out.set(e.getKey(), carried(model.shape(map.value()), e.getValue()));
                    }
                });
                return out;
            }
            default -> {
                return tree;
            }
        }
    }

    private void structure(Shape.Structure shape, JsonNode value, String prefix, List<String> out) {
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            String shapeName = shape.members().get(member.getKey());
            String name = prefix + member.getKey();
            if (shapeName == null) {
                if (member.getValue().isValueNode()) {
                    out.add(encode(name) + "=" + encode(member.getValue().asText()));
                }
            } else {
                value(model.shape(shapeName), member.getValue(), name, out);
            }
        }
    }

    private void value(Shape shape, JsonNode value, String name, List<String> out) {
        if (value.isNull()) {
            return;
        }
        switch (shape) {
            case Shape.Structure structure -> structure(structure, value, name + ".", out);
            case Shape.ListOf list -> {
                if (value.isEmpty()) {
                    out.add(encode(name) + "=");
                }
                int index = 1;
                for (JsonNode item : value) {
                    if (!item.isNull()) {
                        value(model.shape(list.member()), item, name + ".member." + index++, out);
                    }
                }
            }
            case Shape.MapOf map -> {
                int index = 1;
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    if (!entry.getValue().isNull()) {
                        String at = name + ".entry." + index++;
                        out.add(encode(at + ".key") + "=" + encode(entry.getKey()));
                        value(model.shape(map.value()), entry.getValue(), at + ".value", out);
                    }
                }
            }
            default -> out.add(encode(name) + "=" + encode(value.asText()));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
