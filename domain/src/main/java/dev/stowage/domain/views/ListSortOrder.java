package dev.stowage.domain.views;

import java.util.Optional;

/** The {@code SortOrder} ({@code OrderKey}) of the List operations. */
public enum ListSortOrder {
    ASCENDING("Ascending"),
    DESCENDING("Descending");

    private final String wireName;

    ListSortOrder(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ListSortOrder> fromWireName(String wireName) {
        for (ListSortOrder order : values()) {
            if (order.wireName.equals(wireName)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
