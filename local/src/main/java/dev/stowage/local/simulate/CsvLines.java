package dev.stowage.local.simulate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Stowage's generic workload CSV: a header {@code timestamp,component,input_tokens,output_tokens}, then one request a
 * row in time order; {@code timestamp} is seconds from the start of the workload (decimals allowed, e.g.
 * {@code 12.25}), {@code component} the inference component's name.
 */
final class CsvLines implements LineParser {
    static final List<String> COLUMNS = List.of("timestamp", "component", "input_tokens", "output_tokens");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

    @Override
    public String header() {
        return String.join(",", COLUMNS);
    }

    @Override
    public Arrival parse(TraceLine line) {
        List<String> fields = line.fields(COLUMNS);
        double seconds = line.nonNegative("timestamp", fields.get(0));
        String component = fields.get(1);
        if (!NAME.matcher(component).matches()) {
            throw line.error("component '" + component + "' is not an inference component name"
                    + " (letters, digits and hyphens, at most 63)");
        }
        return new Arrival(
                Math.round(seconds * 1000),
                component,
                line.tokens("input_tokens", fields.get(2)),
                line.tokens("output_tokens", fields.get(3)));
    }
}
