package dev.stowage.domain.views;

import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Optional;

/** An endpoint config: its CreateEndpointConfig request as given (variants and the rest). */
public record EndpointConfigRow(
        String name, String arn, Document description, Instant creationTime, Instant lastModifiedTime, long lastVersion)
        implements ViewRow {

    @Override
    public ViewKind kind() {
        return ViewKind.ENDPOINT_CONFIG;
    }

    @Override
    public Optional<String> status() {
        return Optional.empty();
    }
}
