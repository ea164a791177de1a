package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Values a shape accepts, as far as the fuzzer can tell: required members always, optional ones now and then (fewer
 * the deeper), a few list elements, numbers inside their range, strings from a list of plausible values that fit the
 * shape's pattern and length. Names of resources are often the fixture's or the missing one, so that requests reach
 * past validation. A value the fuzzer cannot fit is still made; the oracle then says whether the request must fail.
 */
final class ValidValues {
    private static final int MAX_DEPTH = 7;
    private static final List<String> CANDIDATES = List.of(
            "fz",
            "fuzz-a",
            "Fuzz1",
            "a",
            "0",
            "x-1",
            "arn:aws:iam::123456789012:role/Fuzz",
            "arn:aws:sagemaker:us-east-1:123456789012:model/fz",
            "arn:aws:sagemaker:us-east-1:123456789012:endpoint/fz",
            "arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/fz",
            "arn:aws:sagemaker:us-east-1:123456789012:inference-component/fz",
            "arn:aws:sns:us-east-1:123456789012:fz",
            "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:1:resource/sagemaker/fz",
            "s3://bucket/key",
            "s3://b/k",
            "https://example.com/model.tar.gz",
            "stowage/echo",
            "FUZZ_KEY",
            "application/json",
            "text/csv",
            "/metrics",
            "ml.g5.12xlarge",
            "http://127.0.0.1:9",
            "Fuzz/Namespace",
            "inference-component/fz",
            "sagemaker:inference-component:DesiredCopyCount",
            "key",
            "fuzz value",
            "Sum",
            "p99",
            "m1",
            "2026-12-07T10:00:00Z",
            "e9c1b5d0-0000-4000-8000-000000000000");

    private final ServiceModel model;
    private final Dice dice;

    ValidValues(ServiceModel model, Dice dice) {
        this.model = model;
        this.dice = dice;
    }

    JsonNode of(String shape) {
        return value(model.shape(shape), 0);
    }

    JsonNode value(Shape shape, int depth) {
        return switch (shape) {
            case Shape.Structure structure -> structure(structure, depth);
            case Shape.ListOf list -> list(list, depth);
            case Shape.MapOf map -> map(map, depth);
            case Shape.Text text -> ExactJson.NODES.textNode(text(text));
            case Shape.Numeric numeric -> ExactJson.NODES.numberNode(number(numeric));
            case Shape.Bool bool -> ExactJson.NODES.booleanNode(dice.chance(0.5));
            case Shape.Timestamp timestamp -> ExactJson.NODES.numberNode(BigDecimal.valueOf(1_796_000_000L));
            case Shape.Blob blob ->
                ExactJson.NODES.textNode(Base64.getEncoder().encodeToString(new byte[blobSize(blob)]));
        };
    }

    private ObjectNode structure(Shape.Structure structure, int depth) {
        ObjectNode out = ExactJson.NODES.objectNode();
        double optional = depth >= MAX_DEPTH ? 0 : 0.45 / (depth + 1);
        for (Map.Entry<String, String> member : structure.members().entrySet()) {
            if (structure.required().contains(member.getKey()) || dice.chance(optional)) {
                out.set(member.getKey(), value(model.shape(member.getValue()), depth + 1));
            }
        }
        return out;
    }

    private ArrayNode list(Shape.ListOf list, int depth) {
        ArrayNode out = ExactJson.NODES.arrayNode();
        int size = size(list.min(), list.max(), depth);
        Shape member = model.shape(list.member());
        for (int i = 0; i < size; i++) {
            out.add(value(member, depth + 1));
        }
        return out;
    }

    private ObjectNode map(Shape.MapOf map, int depth) {
        ObjectNode out = ExactJson.NODES.objectNode();
        int size = size(map.min(), map.max(), depth);
        Shape key = model.shape(map.key());
        Shape value = model.shape(map.value());
        for (int i = 0; i < size; i++) {
            String name = key instanceof Shape.Text text ? text(text) : "k";
            out.set(i == 0 ? name : name + i, value(value, depth + 1));
        }
        return out;
    }

    private int size(Long min, Long max, int depth) {
        int least = min == null ? 0 : (int) Math.min(min, 50);
        int most = max == null ? 3 : (int) Math.min(max, 3);
        return depth >= MAX_DEPTH ? least : dice.between(least, Math.max(least, most));
    }

    String text(Shape.Text text) {
        if (!text.enumValues().isEmpty()) {
            return dice.pick(text.enumValues());
        }
        String hinted = FixtureNames.forShape(text.name(), dice);
        if (hinted != null && ShapeOracle.fits(text, hinted)) {
            return hinted;
        }
        List<String> fitting = new ArrayList<>();
        for (String candidate : CANDIDATES) {
            if (ShapeOracle.fits(text, candidate)) {
                fitting.add(candidate);
            }
            String padded = pad(candidate, text.min());
            if (!padded.equals(candidate) && ShapeOracle.fits(text, padded)) {
                fitting.add(padded);
            }
        }
        return fitting.isEmpty() ? pad("a", text.min() == null ? 1 : text.min()) : dice.pick(fitting);
    }

    private static String pad(String value, Long min) {
        return min == null || value.length() >= min ? value : value + "a".repeat((int) (min - value.length()));
    }

    private BigDecimal number(Shape.Numeric numeric) {
        BigDecimal least =
                numeric.min() == null ? BigDecimal.ZERO.max(numeric.kind().least()) : numeric.min();
        BigDecimal most = numeric.max() == null ? least.add(BigDecimal.valueOf(100)) : numeric.max();
        if (dice.chance(0.3)) {
            return dice.chance(0.5) ? least : most;
        }
        BigDecimal span = most.subtract(least).min(BigDecimal.valueOf(1000));
        BigDecimal value = least.add(span.multiply(BigDecimal.valueOf(dice.between(0, 100)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN));
        return numeric.kind().integral()
                ? value.setScale(0, RoundingMode.CEILING).min(most)
                : value;
    }

    private int blobSize(Shape.Blob blob) {
        return blob.min() == null ? 4 : (int) Math.min(blob.min(), 1024);
    }
}
