package dev.stowage.domain.views;

import java.util.Optional;

/**
 * The {@code SortBy} of the List operations. {@link #STATUS} exists for endpoints and inference components
 * only ({@code EndpointSortKey}, {@code InferenceComponentSortKey}); models and endpoint configs sort by
 * name or creation time ({@code ModelSortKey}, {@code EndpointConfigSortKey}).
 */
public enum ListSortBy {
    NAME("Name"),
    CREATION_TIME("CreationTime"),
    STATUS("Status");

    private final String wireName;

    ListSortBy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ListSortBy> fromWireName(String wireName) {
        for (ListSortBy sortBy : values()) {
            if (sortBy.wireName.equals(wireName)) {
                return Optional.of(sortBy);
            }
        }
        return Optional.empty();
    }

    /** Whether the List operation of {@code kind} accepts this sort key. */
    public boolean appliesTo(ViewKind kind) {
        return this != STATUS || kind == ViewKind.ENDPOINT || kind == ViewKind.INFERENCE_COMPONENT;
    }
}
