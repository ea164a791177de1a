package dev.stowage.local.simulate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * The Mooncake trace: JSON Lines, {@code {"timestamp": ms, "input_length": n, "output_length": n, "hash_ids": [...]}}.
 * The prefix-block hashes are checked to be a list but not kept yet: no replay uses them.
 */
final class MooncakeLines implements LineParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String component;

    MooncakeLines(String component) {
        this.component = component;
    }

    @Override
    public @Nullable String header() {
        return null;
    }

    @Override
    public Arrival parse(TraceLine line) {
        JsonNode request;
        try {
            request = JSON.readTree(line.text());
        } catch (JacksonException e) {
            throw line.error("not a JSON object: " + e.getOriginalMessage());
        }
        if (!request.isObject()) {
            throw line.error("not a JSON object");
        }
        long timestamp = whole(line, request, "timestamp");
        JsonNode hashes = request.get("hash_ids");
        if (hashes != null && !hashes.isArray()) {
            throw line.error("\"hash_ids\" must be a list of block ids");
        }
        return new Arrival(
                timestamp,
                component,
                Math.toIntExact(whole(line, request, "input_length")),
                Math.toIntExact(whole(line, request, "output_length")));
    }

    private static long whole(TraceLine line, JsonNode request, String member) {
        JsonNode value = request.get(member);
        if (value == null) {
            throw line.error("\"" + member + "\" is missing");
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw line.error("\"" + member + "\" must be a whole number, 0 or more, not " + value);
        }
        return value.asLong();
    }
}
