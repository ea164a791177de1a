package dev.stowage.local.cloudwatch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Paging with {@code NextToken}: a token is the opaque position of the next item; a token this service did not
 * issue is {@code InvalidNextToken}.
 */
record Pages<T>(List<T> items, Optional<String> nextToken) {
    private static final String PREFIX = "stowage-page:";

    static <T> Pages<T> of(List<T> all, Optional<String> token, int size) {
        int from = token.map(Pages::position).orElse(0);
        if (from > all.size()) {
            throw CloudWatchErrors.invalidNextToken();
        }
        int to = Math.min(all.size(), from + size);
        Optional<String> next = to < all.size() ? Optional.of(token(to)) : Optional.empty();
        return new Pages<>(List.copyOf(all.subList(from, to)), next);
    }

    private static String token(int position) {
        return Base64.getEncoder().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int position(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return Integer.parseInt(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw CloudWatchErrors.invalidNextToken();
    }
}
