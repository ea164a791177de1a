package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where a request tree can be mutated: every value with its shape, and every structure. */
final class Sites {
    /** A value in its container: a structure's or map's member ({@code key}) or a list's element ({@code index}). */
    record Value(JsonNode container, String key, int index, Shape shape, String path) {
        JsonNode get() {
            return container instanceof ObjectNode object ? object.get(key) : container.get(index);
        }

        void set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(key, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }
    }

    /** A structure in the tree ({@code path} is empty for the request itself). */
    record Structure(ObjectNode node, Shape.Structure shape, String path) {}

    final List<Value> values = new ArrayList<>();
    final List<Structure> structures = new ArrayList<>();

    private final ServiceModel model;

    private Sites(ServiceModel model) {
        this.model = model;
    }

    static Sites of(ServiceModel model, Shape.Structure input, ObjectNode root) {
        Sites sites = new Sites(model);
        sites.structures.add(new Structure(root, input, ""));
        sites.members(input, root, "");
        return sites;
    }

    private void members(Shape.Structure structure, ObjectNode node, String path) {
        for (Map.Entry<String, String> member : structure.members().entrySet()) {
            JsonNode value = node.get(member.getKey());
            if (value != null && !value.isNull()) {
                visit(new Value(
                        node, member.getKey(), -1, model.shape(member.getValue()), path + "." + member.getKey()));
            }
        }
    }

    private void visit(Value site) {
        values.add(site);
        JsonNode value = site.get();
        switch (site.shape()) {
            case Shape.Structure structure -> {
                if (value instanceof ObjectNode object) {
                    structures.add(new Structure(object, structure, site.path()));
                    members(structure, object, site.path());
                }
            }
            case Shape.ListOf list -> {
                if (value instanceof ArrayNode array) {
                    Shape member = model.shape(list.member());
                    for (int i = 0; i < array.size(); i++) {
                        if (!array.get(i).isNull()) {
                            visit(new Value(array, null, i, member, site.path() + "[" + i + "]"));
                        }
                    }
                }
            }
            case Shape.MapOf map -> {
                if (value instanceof ObjectNode object) {
                    Shape entry = model.shape(map.value());
                    List<String> keys = new ArrayList<>();
                    object.fieldNames().forEachRemaining(keys::add);
                    keys.forEach(key -> {
                        if (!object.get(key).isNull()) {
                            visit(new Value(object, key, -1, entry, site.path() + "." + key));
                        }
                    });
                }
            }
            default -> {}
        }
    }
}
