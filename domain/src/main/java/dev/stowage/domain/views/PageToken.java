package dev.stowage.domain.views;

import dev.stowage.domain.CommandRejected;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;

/**
 * Where a page ended: the sort key and name of its last row, with the sort it belongs to. On the wire it
 * is opaque ({@code NextToken}): base64url of {@code v1 \n sortBy \n sortOrder \n key \n name}. Resource
 * names never contain a newline (their pattern is {@code [a-zA-Z0-9-]+}).
 */
record PageToken(ListSortBy sortBy, ListSortOrder sortOrder, String key, String name) {
    private static final String VERSION = "v1";

    /** Where {@code row} stands under {@code sortBy}. */
    static PageToken of(ListSortBy sortBy, ListSortOrder sortOrder, ViewRow row) {
        String key =
                switch (sortBy) {
                    case NAME -> row.name();
                    case CREATION_TIME -> row.creationTime().toString();
                    case STATUS -> row.status().orElse("");
                };
        return new PageToken(sortBy, sortOrder, key, row.name());
    }

    /** Ascending order of positions under {@code sortBy}; ties on the key are broken by name. */
    static Comparator<PageToken> ascending(ListSortBy sortBy) {
        Comparator<String> names = Comparator.comparing((String name) -> name.toLowerCase(Locale.ROOT))
                .thenComparing(name -> name);
        Comparator<PageToken> byKey =
                switch (sortBy) {
                    case NAME -> Comparator.comparing(PageToken::key, names);
                    case CREATION_TIME -> Comparator.comparing(token -> Instant.parse(token.key()));
                    case STATUS -> Comparator.comparing(PageToken::key);
                };
        return byKey.thenComparing(PageToken::name, names);
    }

    String encode() {
        String plain = String.join("\n", VERSION, sortBy.wireName(), sortOrder.wireName(), key, name);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The token {@code encoded}, which must have come from a query with the same sort.
     *
     * @throws CommandRejected a validation error when the token is malformed or from another sort
     */
    static PageToken decode(String encoded, ListSortBy sortBy, ListSortOrder sortOrder) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = plain.split("\n", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION) || parts[4].isEmpty()) {
            throw invalid();
        }
        if (!parts[1].equals(sortBy.wireName()) || !parts[2].equals(sortOrder.wireName())) {
            throw CommandRejected.validation(
                    "The NextToken was returned for a different SortBy or SortOrder; use the same ones to"
                            + " get the next page.");
        }
        if (sortBy == ListSortBy.CREATION_TIME) {
            try {
                Instant.parse(parts[3]);
            } catch (DateTimeException e) {
                throw invalid();
            }
        }
        return new PageToken(sortBy, sortOrder, parts[3], parts[4]);
    }

    private static CommandRejected invalid() {
        return CommandRejected.validation("Invalid NextToken: pass the NextToken of a previous response as given.");
    }
}
