package dev.stowage.domain.views;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link ListQuery} member by member, the way a List request arrives: every setter takes the
 * member or {@code null} when the request omits it, and an omitted member takes the service's default.
 */
public final class ListQueryBuilder {
    private @Nullable String nameContains;
    private @Nullable Instant creationTimeBefore;
    private @Nullable Instant creationTimeAfter;
    private @Nullable Instant lastModifiedTimeBefore;
    private @Nullable Instant lastModifiedTimeAfter;
    private @Nullable String statusEquals;
    private @Nullable String endpointNameEquals;
    private @Nullable String variantNameEquals;
    private @Nullable ListSortBy sortBy;
    private @Nullable ListSortOrder sortOrder;
    private @Nullable Integer maxResults;
    private @Nullable String nextToken;

    public ListQueryBuilder nameContains(@Nullable String value) {
        nameContains = value;
        return this;
    }

    public ListQueryBuilder creationTimeBefore(@Nullable Instant value) {
        creationTimeBefore = value;
        return this;
    }

    public ListQueryBuilder creationTimeAfter(@Nullable Instant value) {
        creationTimeAfter = value;
        return this;
    }

    public ListQueryBuilder lastModifiedTimeBefore(@Nullable Instant value) {
        lastModifiedTimeBefore = value;
        return this;
    }

    public ListQueryBuilder lastModifiedTimeAfter(@Nullable Instant value) {
        lastModifiedTimeAfter = value;
        return this;
    }

    public ListQueryBuilder statusEquals(@Nullable String value) {
        statusEquals = value;
        return this;
    }

    public ListQueryBuilder endpointNameEquals(@Nullable String value) {
        endpointNameEquals = value;
        return this;
    }

    public ListQueryBuilder variantNameEquals(@Nullable String value) {
        variantNameEquals = value;
        return this;
    }

    public ListQueryBuilder sortBy(@Nullable ListSortBy value) {
        sortBy = value;
        return this;
    }

    public ListQueryBuilder sortOrder(@Nullable ListSortOrder value) {
        sortOrder = value;
        return this;
    }

    public ListQueryBuilder maxResults(@Nullable Integer value) {
        maxResults = value;
        return this;
    }

    public ListQueryBuilder nextToken(@Nullable String value) {
        nextToken = value;
        return this;
    }

    /**
     * @throws dev.stowage.domain.CommandRejected a validation error when {@code maxResults} is outside 1..100
     */
    public ListQuery build() {
        return new ListQuery(
                Optional.ofNullable(nameContains),
                Optional.ofNullable(creationTimeBefore),
                Optional.ofNullable(creationTimeAfter),
                Optional.ofNullable(lastModifiedTimeBefore),
                Optional.ofNullable(lastModifiedTimeAfter),
                Optional.ofNullable(statusEquals),
                Optional.ofNullable(endpointNameEquals),
                Optional.ofNullable(variantNameEquals),
                sortBy == null ? ListSortBy.CREATION_TIME : sortBy,
                sortOrder == null ? ListSortOrder.DESCENDING : sortOrder,
                maxResults == null ? ListQuery.DEFAULT_MAX_RESULTS : maxResults,
                Optional.ofNullable(nextToken));
    }
}
