package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mutations of a request's tree, guided by the shape of each value: wrong JSON types, missing required and unknown
 * members, numbers at and past their type's and range's edges (2^32 + 1, 1e400, -0, fractions for integers),
 * strings too short, too long or outside their pattern or enum, lists and maps past their sizes, odd timestamps,
 * booleans and blobs. Whether the result must be refused is the oracle's to say, not theirs. In the query protocol
 * (where every value is text) containers keep their kind.
 */
final class TreeMutations {
    private static final List<String> NUMBERS = List.of(
            "-0",
            "-0.0",
            "0",
            "1e400",
            "-1e400",
            "1e-400",
            "1.5",
            "0.5",
            "-1",
            "1.0000000000000000001",
            "0.99999999999999999999",
            "2147483647",
            "2147483648",
            "4294967297",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551617",
            "9007199254740993",
            "1e2",
            "1E+2",
            "1.0",
            "3.4028235e38",
            "3.4028236e38",
            "1.7976931348623157e308",
            "1.8e308",
            "4.9e-324",
            "1" + "0".repeat(400),
            "0." + "0".repeat(400) + "1",
            "1" + "0".repeat(1200));
    private static final List<String> TIMESTAMPS = List.of(
            "-1e20",
            "1e20",
            "253402300800",
            "253402300799",
            "-62135596801",
            "-62135596800",
            "1e400",
            "1.5",
            "0",
            "-0",
            "1.0000000000000000001e9");
    private static final List<String> ODD_TEXTS = List.of(
            "",
            " ",
            "\u0000",
            "bad name!",
            "ä",
            "\uD83D\uDE42",
            "\n",
            "a\nb",
            "null",
            "${jndi:ldap://x/a}",
            "../../etc/passwd",
            "%00",
            "<script>",
            "' OR 1=1 --",
            "arn:aws:iam::1:role/x",
            "-",
            "a-",
            "UPPER",
            "\t",
            "\u202Eevil");

    private final ServiceModel model;
    private final Dice dice;
    private final boolean queryText;

    TreeMutations(ServiceModel model, Dice dice, boolean queryText) {
        this.model = model;
        this.dice = dice;
        this.queryText = queryText;
    }

    /** Mutates the tree once in place and says how. */
    String mutate(Shape.Structure input, ObjectNode root) {
        Sites sites = Sites.of(model, input, root);
        if (sites.values.isEmpty() || dice.chance(0.3)) {
            return structure(dice.pick(sites.structures));
        }
        Sites.Value site = dice.pick(sites.values);
        if (dice.chance(0.12)) {
            return wrongType(site);
        }
        if (dice.chance(0.05)) {
            site.set(ExactJson.NODES.nullNode());
            return site.path() + " = null";
        }
        return switch (site.shape()) {
            case Shape.Numeric numeric -> number(site, numeric);
            case Shape.Text text -> text(site, text);
            case Shape.ListOf list -> list(site, list);
            case Shape.MapOf map -> map(site, map);
            case Shape.Timestamp timestamp -> raw(site, dice.pick(TIMESTAMPS));
            case Shape.Bool bool -> bool(site);
            case Shape.Blob blob -> blob(site, blob);
            case Shape.Structure structure ->
                site.get() instanceof ObjectNode object
                        ? structure(new Sites.Structure(object, structure, site.path()))
                        : wrongType(site);
        };
    }

    private String structure(Sites.Structure site) {
        List<String> required = new ArrayList<>(site.shape().required());
        required.removeIf(name -> !site.node().has(name));
        int pick = dice.between(0, 9);
        if (pick < 4 && !required.isEmpty()) {
            String name = dice.pick(required);
            if (dice.chance(0.3)) {
                site.node().putNull(name);
                return site.path() + "." + name + " = null (required)";
            }
            site.node().remove(name);
            return "removed required " + site.path() + "." + name;
        }
        if (pick < 6) {
            List<Map.Entry<String, String>> absent = site.shape().members().entrySet().stream()
                    .filter(m -> !site.node().has(m.getKey()))
                    .toList();
            if (!absent.isEmpty()) {
                Map.Entry<String, String> member = dice.pick(absent);
                site.node().set(member.getKey(), new ValidValues(model, dice).value(model.shape(member.getValue()), 3));
                return "added " + site.path() + "." + member.getKey();
            }
        }
        String name = dice.pick("FuzzUnknown", "unknown", "__type", "", "ModelName ", "modelname");
        boolean huge = dice.chance(0.02);
        site.node().set(name, huge ? ExactJson.NODES.textNode("u".repeat(1 << 20)) : oddValue());
        return "unknown member " + site.path() + "." + name + (huge ? " of 1 MiB" : "");
    }

    private String wrongType(Sites.Value site) {
        if (queryText) {
            boolean container = site.shape() instanceof Shape.Structure
                    || site.shape() instanceof Shape.ListOf
                    || site.shape() instanceof Shape.MapOf;
            // A form cannot give a structure, list or map another type: its parameters would only go unread.
            site.set(
                    container
                            ? ExactJson.NODES.nullNode()
                            : ExactJson.NODES.textNode(dice.pick("abc", "1.5", "true", "", "1e400")));
            return site.path() + (container ? " = null" : " as text of another type");
        }
        JsonNode replacement = oddValue();
        site.set(replacement);
        return site.path() + " = " + clip(replacement.toString());
    }

    private JsonNode oddValue() {
        return switch (dice.between(0, 8)) {
            case 0 -> ExactJson.NODES.textNode("x");
            case 1 -> ExactJson.NODES.numberNode(1);
            case 2 -> ExactJson.NODES.numberNode(new BigDecimal("1.5"));
            case 3 -> ExactJson.NODES.booleanNode(true);
            case 4 -> ExactJson.NODES.arrayNode();
            case 5 -> ExactJson.NODES.objectNode();
            case 6 -> ExactJson.NODES.arrayNode().add(1).add("a");
            case 7 -> ExactJson.NODES.objectNode().put("a", 1);
            default -> nested(dice.pick(10, 200, 900));
        };
    }

    private static JsonNode nested(int depth) {
        ArrayNode outer = ExactJson.NODES.arrayNode();
        ArrayNode inner = outer;
        for (int i = 1; i < depth; i++) {
            inner = inner.addArray();
        }
        return outer;
    }

    private String number(Sites.Value site, Shape.Numeric numeric) {
        List<String> tokens = new ArrayList<>(NUMBERS);
        if (numeric.min() != null) {
            tokens.add(numeric.min().subtract(BigDecimal.ONE).toPlainString());
            tokens.add(numeric.min().subtract(new BigDecimal("0.5")).toPlainString());
            tokens.add(numeric.min().toPlainString());
        }
        if (numeric.max() != null) {
            tokens.add(numeric.max().add(BigDecimal.ONE).toPlainString());
            tokens.add(numeric.max().add(new BigDecimal("0.5")).toPlainString());
            tokens.add(numeric.max().toPlainString());
        }
        return raw(site, dice.pick(tokens));
    }

    private String raw(Sites.Value site, String token) {
        site.set(queryText ? ExactJson.NODES.textNode(token) : ExactJson.NODES.rawValueNode(new RawValue(token)));
        return site.path() + " = " + clip(token);
    }

    private String text(Sites.Value site, Shape.Text text) {
        String value;
        int pick = dice.between(0, 9);
        if (pick < 4) {
            value = dice.pick(ODD_TEXTS);
        } else if (pick < 6 && text.max() != null) {
            value = "a".repeat((int) Math.min(text.max() + 1, 1 << 20));
        } else if (pick < 7 && text.min() != null && text.min() > 0) {
            value = "a".repeat((int) (text.min() - 1));
        } else if (pick < 8 && !text.enumValues().isEmpty()) {
            value = dice.pick(text.enumValues()).toLowerCase(java.util.Locale.ROOT) + dice.pick("", " ", "x");
        } else if (pick < 9) {
            value = "z".repeat(dice.pick(1_000, 100_000));
        } else {
            value = site.get().asText() + dice.pick("!", "_", " ", "/", "\u00e9", "..");
        }
        site.set(ExactJson.NODES.textNode(value));
        return site.path() + " = \"" + clip(value) + "\"";
    }

    private String list(Sites.Value site, Shape.ListOf list) {
        ArrayNode array = ExactJson.NODES.arrayNode();
        JsonNode current = site.get();
        int pick = dice.between(0, 4);
        // The value may already be of another type (an object after a wrong-type mutation), or its first element a
        // container or a long text an earlier mutation grew (copied 20,000 times it passed 2 GiB): then a fresh one.
        JsonNode first = current.isArray() && current.size() > 0 ? current.get(0) : null;
        boolean small = first != null
                && first.isValueNode()
                && (!first.isTextual() || first.textValue().length() <= 1_000);
        JsonNode element = small ? first : new ValidValues(model, dice).value(model.shape(list.member()), 5);
        int size =
                switch (pick) {
                    case 0 -> 0;
                    case 1 -> list.max() == null ? 200 : (int) Math.min(list.max() + 1, 20_000);
                    case 2 -> dice.pick(1_000, 10_000);
                    default -> current.size() + 1;
                };
        for (int i = 0; i < size; i++) {
            if (pick == 3 && i == size - 1) {
                array.addNull();
            } else {
                array.add(element.deepCopy());
            }
        }
        site.set(array);
        return site.path() + " with " + size + " elements" + (pick == 3 ? " (the last null)" : "");
    }

    private String map(Sites.Value site, Shape.MapOf map) {
        ObjectNode object = ExactJson.NODES.objectNode();
        JsonNode value = new ValidValues(model, dice).value(model.shape(map.value()), 5);
        int pick = dice.between(0, 3);
        switch (pick) {
            case 0 -> {}
            case 1 -> {
                int size = map.max() == null ? 200 : (int) Math.min(map.max() + 1, 20_000);
                for (int i = 0; i < size; i++) {
                    object.set("K" + i, value.deepCopy());
                }
            }
            default -> object.set(dice.pick("", "bad key", "1abc", "k".repeat(300), "\u0000"), value);
        }
        site.set(object);
        return site.path() + " = map of " + object.size() + (pick >= 2 ? " with an odd key" : "");
    }

    private String bool(Sites.Value site) {
        JsonNode value = queryText
                ? ExactJson.NODES.textNode(dice.pick("TRUE", "yes", "1", "False", "false"))
                : dice.pick(
                        ExactJson.NODES.textNode("TRUE"),
                        ExactJson.NODES.textNode("yes"),
                        ExactJson.NODES.numberNode(1),
                        ExactJson.NODES.textNode("false"));
        site.set(value);
        return site.path() + " = " + value;
    }

    private String blob(Sites.Value site, Shape.Blob blob) {
        String value = dice.pick("!!!", "", "YQ", "YQ==", "Y", "=".repeat(4), "A".repeat(1 << 16));
        site.set(ExactJson.NODES.textNode(value));
        return site.path() + " = blob \"" + clip(value) + "\"";
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…(" + text.length() + ")";
    }
}
