package dev.stowage.domain.views;

import dev.stowage.domain.CommandRejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The semantics of SageMaker's List operations (ListModels, ListEndpointConfigs, ListEndpoints,
 * ListInferenceComponents), applied in memory to the rows of one kind: filter, sort, page.
 *
 * <ul>
 *   <li>{@code NameContains}: a case-insensitive substring match. The documentation does not say; SageMaker
 *       names are unique case-insensitively, so a filter that missed {@code My-Model} for {@code my} would
 *       surprise.
 *   <li>{@code CreationTimeBefore}, {@code LastModifiedTimeBefore}, {@code LastModifiedTimeAfter}: strict.
 *       {@code CreationTimeAfter}: inclusive ("greater than or equal to", as ListEndpoints, ListModels and
 *       ListEndpointConfigs document it).
 *   <li>{@code StatusEquals}, {@code EndpointNameEquals}, {@code VariantNameEquals}: exact; the last two
 *       match inference components only.
 *   <li>Default sort {@code CreationTime} {@code Descending}; ties broken by name. {@code MaxResults}
 *       1..100, default 10.
 *   <li>{@code NextToken}: opaque, resumes strictly after the last row returned, so rows created or deleted
 *       between pages neither repeat nor shift the rest.
 * </ul>
 *
 * Every filter is optional; they combine with AND.
 */
public record ListQuery(
        Optional<String> nameContains,
        Optional<Instant> creationTimeBefore,
        Optional<Instant> creationTimeAfter,
        Optional<Instant> lastModifiedTimeBefore,
        Optional<Instant> lastModifiedTimeAfter,
        Optional<String> statusEquals,
        Optional<String> endpointNameEquals,
        Optional<String> variantNameEquals,
        ListSortBy sortBy,
        ListSortOrder sortOrder,
        int maxResults,
        Optional<String> nextToken) {
    public static final int DEFAULT_MAX_RESULTS = 10;
    public static final int MAX_MAX_RESULTS = 100;

    /**
     * @throws CommandRejected a validation error when {@code maxResults} is outside 1..100
     */
    public ListQuery {
        if (maxResults < 1 || maxResults > MAX_MAX_RESULTS) {
            throw CommandRejected.validation("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value "
                    + (maxResults < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
        }
    }

    /** No filters, newest first, 10 per page. */
    public static ListQuery defaults() {
        return builder().build();
    }

    public static ListQueryBuilder builder() {
        return new ListQueryBuilder();
    }

    /**
     * The page of {@code rows} (all rows of one kind, any order) this query asks for.
     *
     * @throws CommandRejected a validation error when {@code nextToken} is malformed or from another sort
     */
    public <R extends ViewRow> Page<R> run(List<R> rows) {
        Optional<PageToken> after = nextToken.map(token -> PageToken.decode(token, sortBy, sortOrder));
        Comparator<PageToken> ascending = PageToken.ascending(sortBy);
        Comparator<PageToken> order = sortOrder == ListSortOrder.ASCENDING ? ascending : ascending.reversed();
        Comparator<R> rowOrder = Comparator.comparing(row -> PageToken.of(sortBy, sortOrder, row), order);
        List<R> selected = new ArrayList<>();
        for (R row : rows) {
            if (matches(row)
                    && after.map(token -> order.compare(PageToken.of(sortBy, sortOrder, row), token) > 0)
                            .orElse(true)) {
                selected.add(row);
            }
        }
        selected.sort(rowOrder);
        if (selected.size() <= maxResults) {
            return new Page<>(selected, Optional.empty());
        }
        List<R> items = selected.subList(0, maxResults);
        return new Page<>(
                items,
                Optional.of(PageToken.of(sortBy, sortOrder, items.getLast()).encode()));
    }

    /** Whether {@code row} passes every filter of this query. */
    public boolean matches(ViewRow row) {
        return nameContains.map(part -> lower(row.name()).contains(lower(part))).orElse(true)
                && creationTimeBefore.map(row.creationTime()::isBefore).orElse(true)
                && creationTimeAfter
                        .map(time -> !row.creationTime().isBefore(time))
                        .orElse(true)
                && lastModifiedTimeBefore.map(row.lastModifiedTime()::isBefore).orElse(true)
                && lastModifiedTimeAfter.map(row.lastModifiedTime()::isAfter).orElse(true)
                && statusEquals
                        .map(status -> row.status().equals(Optional.of(status)))
                        .orElse(true)
                && endpointNameEquals
                        .map(name -> row instanceof InferenceComponentRow ic
                                && ic.endpointName().equals(name))
                        .orElse(true)
                && variantNameEquals
                        .map(name -> row instanceof InferenceComponentRow ic
                                && ic.variantName().equals(name))
                        .orElse(true);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
