package dev.stowage.domain.views;

import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Optional;

/**
 * An endpoint: the config it runs (name and the config's description as it was when the endpoint was
 * created or last updated), its status and, when {@link EndpointStatus#FAILED}, why.
 */
public record EndpointRow(
        String name,
        String arn,
        String endpointConfigName,
        Document endpointConfig,
        EndpointStatus endpointStatus,
        Optional<String> failureReason,
        Instant creationTime,
        Instant lastModifiedTime,
        long lastVersion)
        implements ViewRow {

    @Override
    public ViewKind kind() {
        return ViewKind.ENDPOINT;
    }

    @Override
    public Optional<String> status() {
        return Optional.of(endpointStatus.wireName());
    }
}
