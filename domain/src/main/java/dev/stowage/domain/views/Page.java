package dev.stowage.domain.views;

import java.util.List;
import java.util.Optional;

/** One page of a List operation; {@code nextToken} is present exactly when more rows follow. */
public record Page<R extends ViewRow>(List<R> items, Optional<String> nextToken) {

    public Page {
        items = List.copyOf(items);
    }
}
