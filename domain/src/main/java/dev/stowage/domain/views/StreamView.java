package dev.stowage.domain.views;

import java.util.Optional;

/**
 * What the view store holds for one stream, read at one instant: the stream's checkpoint ({@code
 * lastVersion}, 0 when nothing was ever applied) and the row folded up to it (empty when the resource
 * was never created or is deleted). When a row is present its {@code lastVersion} equals the checkpoint.
 */
public record StreamView(String stream, long lastVersion, Optional<ViewRow> row) {

    public static StreamView empty(String stream) {
        return new StreamView(stream, 0, Optional.empty());
    }
}
