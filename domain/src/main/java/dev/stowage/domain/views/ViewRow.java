package dev.stowage.domain.views;

import java.time.Instant;
import java.util.Optional;

/**
 * One resource as Describe and List show it. A row is folded from the events of one stream ({@link
 * #stream()}); {@link #lastVersion()} is the version of the last event applied to it.
 */
public sealed interface ViewRow permits ModelRow, EndpointConfigRow, EndpointRow, InferenceComponentRow {

    ViewKind kind();

    String name();

    String arn();

    Instant creationTime();

    /** Moves with every applied event. */
    Instant lastModifiedTime();

    long lastVersion();

    /** The status wire name, for kinds that have one. */
    Optional<String> status();

    /** The stream this row is folded from, which is also its id in the view store. */
    default String stream() {
        return kind().streamOf(name());
    }
}
