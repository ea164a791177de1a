package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.wire.protocol.WireError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code MaxResults} and {@code NextToken} of the Application Auto Scaling Describe operations: at most 50 items a
 * page (the default); the token is opaque (the position of the next item) and refused as {@code
 * InvalidNextTokenException} when it was not one of ours.
 */
record Paging<T>(List<T> items, Optional<String> nextToken) {
    static final int MAX_RESULTS = 50;
    private static final String PREFIX = "aas1:";

    static <T> Paging<T> of(List<T> all, JsonNode input) {
        int max = Json.integer(input, "MaxResults").orElse(MAX_RESULTS);
        if (max < 1 || max > MAX_RESULTS) {
            throw CommandRejected.validation("1 validation error detected: Value '" + max
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value "
                    + (max < 1 ? "greater than or equal to 1" : "less than or equal to " + MAX_RESULTS));
        }
        int from = Json.text(input, "NextToken").map(Paging::position).orElse(0);
        int to = Math.min(all.size(), from + max);
        List<T> page = from >= all.size() ? List.of() : all.subList(from, to);
        Optional<String> next = to < all.size() ? Optional.of(token(to)) : Optional.empty();
        return new Paging<>(page, next);
    }

    private static String token(int position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int position(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (plain.startsWith(PREFIX)) {
                int position = Integer.parseInt(plain.substring(PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the refusal.
        }
        throw new WireError("InvalidNextTokenException", "Invalid NextToken", 400).exception();
    }
}
