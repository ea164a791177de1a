package dev.stowage.local.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Request bodies in CBOR, as the Java SDK sends CloudWatch's: whole numbers as integers, other numbers as doubles
 * (so {@code 1e400} goes as infinity), and mutations of the bytes, some of them declaring more than they hold.
 */
final class CborBodies {
    static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final byte[][] BROKEN = {
        {(byte) 0x80}, // an empty array, not a map
        {(byte) 0xA1, 0x61, 0x61}, // a map whose only value is missing
        {(byte) 0x7B, -1, -1, -1, -1, -1, -1, -1, -1}, // a text string of 2^64 - 1 bytes
        {(byte) 0xBB, 0, 0, 0, 0, 0x7F, -1, -1, -1}, // a map of 2^31 - 1 entries
        {(byte) 0xBF, 0x61, 0x61, 0x01}, // an indefinite map that never ends
        {(byte) 0xFF}, // a break with nothing to end
        {(byte) 0xC1, 0x61, 0x61}, // tag 1 on text
        {(byte) 0x1C}, // a reserved additional information value
    };

    private CborBodies() {}

    /** The exact JSON tree as CBOR. */
    static byte[] encode(JsonNode exact) {
        try {
            return CBOR.writeValueAsBytes(asSent(exact));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as an SDK would put it in CBOR. */
    static JsonNode asSent(JsonNode value) {
        if (value instanceof ObjectNode object) {
            ObjectNode out = ExactJson.NODES.objectNode();
            object.properties().forEach(e -> out.set(e.getKey(), asSent(e.getValue())));
            return out;
        }
        if (value instanceof ArrayNode array) {
            ArrayNode out = ExactJson.NODES.arrayNode();
            array.forEach(item -> out.add(asSent(item)));
            return out;
        }
        if (value.isBigInteger()) {
            BigInteger integer = value.bigIntegerValue();
            return integer.bitLength() < 64 ? ExactJson.NODES.numberNode(integer.longValue()) : value;
        }
        if (value.isBigDecimal()) {
            BigDecimal decimal = value.decimalValue();
            if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
                try {
                    return ExactJson.NODES.numberNode(decimal.longValueExact());
                } catch (ArithmeticException tooBig) {
                    return ExactJson.NODES.numberNode(decimal.doubleValue());
                }
            }
            return ExactJson.NODES.numberNode(decimal.doubleValue());
        }
        return value;
    }

    /** The body as the server reads it, empty when it is not a CBOR value. */
    static Optional<JsonNode> read(byte[] body) {
        if (body.length == 0) {
            return Optional.of(ExactJson.NODES.objectNode());
        }
        try {
            return Optional.ofNullable(CBOR.readTree(body));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The body cut short. */
    static byte[] cut(byte[] body, Dice dice) {
        return Arrays.copyOf(body, dice.between(1, Math.max(1, body.length - 1)));
    }

    /** A body that is not CBOR or declares what it does not hold (never to be decoded by the oracle). */
    static byte[] malformed(Dice dice) {
        return dice.pick(BROKEN);
    }
}
