package dev.stowage.domain.views;

import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Folds an {@code endpoint/<name>} stream into its {@link EndpointRow}. Status: Created → Creating,
 * InService → InService, Updated → Updating, Failed → Failed (with the reason), DeletionStarted →
 * Deleting, Deleted → no row.
 */
public final class EndpointView {
    private EndpointView() {}

    /**
     * The row after {@code envelope}. Created creates (again, after a delete); an event other than Created
     * on an absent row, an event of another stream type and an event at or below the row's {@code
     * lastVersion} leave it unchanged.
     */
    public static Optional<EndpointRow> apply(Optional<EndpointRow> current, EventEnvelope envelope) {
        if (!(envelope.event() instanceof EndpointEvent event) || Folds.alreadyApplied(current, envelope)) {
            return current;
        }
        long version = envelope.version();
        return switch (event) {
            case EndpointEvent.Created created ->
                Optional.of(new EndpointRow(
                        created.endpointName(),
                        created.endpointArn(),
                        created.endpointConfigName(),
                        created.endpointConfig(),
                        EndpointStatus.CREATING,
                        Optional.empty(),
                        created.createdAt(),
                        created.createdAt(),
                        version));
            case EndpointEvent.InService inService ->
                current.map(
                        row -> withStatus(row, EndpointStatus.IN_SERVICE, Optional.empty(), inService.at(), version));
            case EndpointEvent.Updated updated ->
                current.map(row -> new EndpointRow(
                        row.name(),
                        row.arn(),
                        updated.endpointConfigName(),
                        updated.endpointConfig(),
                        EndpointStatus.UPDATING,
                        Optional.empty(),
                        row.creationTime(),
                        updated.at(),
                        version));
            case EndpointEvent.Failed failed ->
                current.map(row ->
                        withStatus(row, EndpointStatus.FAILED, Optional.of(failed.reason()), failed.at(), version));
            case EndpointEvent.InferenceComponentAdded added ->
                current.map(row ->
                        withStatus(row, row.endpointStatus(), row.failureReason(), row.lastModifiedTime(), version));
            case EndpointEvent.DeletionStarted started ->
                current.map(row -> withStatus(row, EndpointStatus.DELETING, Optional.empty(), started.at(), version));
            case EndpointEvent.Deleted deleted -> Optional.empty();
        };
    }

    /** The row of a whole stream, oldest event first: what DescribeEndpoint shows. */
    public static Optional<EndpointRow> describe(List<EventEnvelope> stream) {
        return Folds.fold(stream, EndpointView::apply);
    }

    private static EndpointRow withStatus(
            EndpointRow row, EndpointStatus status, Optional<String> reason, Instant at, long version) {
        return new EndpointRow(
                row.name(),
                row.arn(),
                row.endpointConfigName(),
                row.endpointConfig(),
                status,
                reason,
                row.creationTime(),
                at,
                version);
    }
}
