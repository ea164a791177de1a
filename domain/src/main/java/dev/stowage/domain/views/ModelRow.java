package dev.stowage.domain.views;

import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Optional;

/** A model: its CreateModel request as given (less the name). */
public record ModelRow(
        String name, String arn, Document description, Instant creationTime, Instant lastModifiedTime, long lastVersion)
        implements ViewRow {

    @Override
    public ViewKind kind() {
        return ViewKind.MODEL;
    }

    @Override
    public Optional<String> status() {
        return Optional.empty();
    }
}
