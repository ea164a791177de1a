package dev.stowage.local.simulate;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** One line of a trace file, with the helpers that refuse a bad field by file, line and column name. */
record TraceLine(Path file, long number, String text) {
    private static final Pattern COMMA = Pattern.compile(",", Pattern.LITERAL);

    InputException error(String why) {
        return InputException.atLine(file, number, why);
    }

    /** The comma-separated fields, exactly {@code names.size()} of them. */
    List<String> fields(List<String> names) {
        List<String> fields = List.of(COMMA.split(text, -1));
        if (fields.size() != names.size()) {
            throw error("expected " + names.size() + " comma-separated fields (" + String.join(", ", names)
                    + "), found " + fields.size());
        }
        return fields.stream().map(String::strip).toList();
    }

    int tokens(String name, String value) {
        try {
            int tokens = Integer.parseInt(value);
            if (tokens >= 0) {
                return tokens;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw error(name + " must be a whole number of tokens, 0 or more, not '" + value + "'");
    }

    double nonNegative(String name, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number >= 0 && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw error(name + " must be a number, 0 or more, not '" + value + "'");
    }
}
