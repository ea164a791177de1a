package dev.stowage.local.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Mutations of a JSON body's bytes: cut short, followed by more, not JSON at all, not an object, not UTF-8,
 * with a byte-order mark, as UTF-16, padded with a megabyte of whitespace. The oracle reads the result.
 */
final class BodyMutations {
    private static final String[] NOT_JSON = {
        "{", "[", "nul", "'a'", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":01}", "{\"a\":.5}",
        "{a:1}", "{\"a\":1,}", "{\"a\" 1}", "\u0000", "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}", "[]", "\"text\"", "42",
        "true", "null", "", "{}{}", "{\"a\":1}}", "{\"a\":[1,2}", "<xml/>", "Action=ListMetrics&Version=2010-08-01"
    };

    private final Dice dice;

    BodyMutations(Dice dice) {
        this.dice = dice;
    }

    /** A mutation of {@code body}, and what it was. */
    Mutated mutate(byte[] body) {
        return switch (dice.between(0, 8)) {
            case 0 -> new Mutated(Arrays.copyOf(body, dice.between(0, Math.max(0, body.length - 1))), "cut short");
            case 1 -> new Mutated(concat(body, bytes(dice.pick(" x", "}", "{}", "\u0000", ",", "\n[1]"))), "then more");
            case 2 -> new Mutated(bytes(dice.pick(NOT_JSON)), "not JSON");
            case 3 -> new Mutated(concat(new byte[] {(byte) 0xC3, (byte) 0x28}, body), "not UTF-8");
            case 4 -> new Mutated(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body), "byte-order mark");
            case 5 ->
                new Mutated(
                        new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE), "as UTF-16BE");
            case 6 -> new Mutated(concat(bytes(" ".repeat(1 << 20)), body), "a MiB of whitespace first");
            case 7 -> new Mutated(concat(bytes("["), concat(body, bytes("]"))), "in a list");
            default -> new Mutated(duplicateKey(body), "a key twice");
        };
    }

    private static byte[] duplicateKey(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.startsWith("{") && text.length() > 2 ? bytes("{\"Fuzz\":1,\"Fuzz\":2," + text.substring(1)) : body;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    /** A body after a mutation. */
    record Mutated(byte[] body, String description) {}
}
