package dev.stowage.domain.views;

import static dev.stowage.domain.component.InferenceComponentStatus.CREATING;
import static dev.stowage.domain.component.InferenceComponentStatus.DELETING;
import static dev.stowage.domain.component.InferenceComponentStatus.FAILED;
import static dev.stowage.domain.component.InferenceComponentStatus.IN_SERVICE;
import static dev.stowage.domain.component.InferenceComponentStatus.UPDATING;

import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.events.Document;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Folds an {@code inference-component/<name>} stream into its {@link InferenceComponentRow}. Status:
 * Created → Creating; SpecificationUpdated or DesiredCopyCountSet → Updating when InService (otherwise
 * unchanged: a component still Creating stays Creating); UpdateRolledBack → Updating with the restored
 * specification and the reason as {@code FailureReason}; InService → InService; Failed → Failed (with the
 * reason); DeletionStarted → Deleting; Deleted → no row.
 */
public final class InferenceComponentView {
    private InferenceComponentView() {}

    /**
     * The row after {@code envelope}. Created creates (again, after a delete); an event other than Created
     * on an absent row, an event of another stream type and an event at or below the row's {@code
     * lastVersion} leave it unchanged.
     */
    public static Optional<InferenceComponentRow> apply(
            Optional<InferenceComponentRow> current, EventEnvelope envelope) {
        if (!(envelope.event() instanceof InferenceComponentEvent event) || Folds.alreadyApplied(current, envelope)) {
            return current;
        }
        long version = envelope.version();
        return switch (event) {
            case InferenceComponentEvent.Created created ->
                Optional.of(new InferenceComponentRow(
                        created.inferenceComponentName(),
                        created.inferenceComponentArn(),
                        created.endpointName(),
                        created.endpointArn(),
                        created.variantName(),
                        created.specification(),
                        CREATING,
                        Optional.empty(),
                        created.copyCount(),
                        0,
                        created.createdAt(),
                        created.createdAt(),
                        version));
            case InferenceComponentEvent.SpecificationUpdated updated ->
                current.map(row -> change(row, updated.specification(), row.desiredCopyCount(), updated.at(), version));
            case InferenceComponentEvent.DeploymentConfigured configured ->
                current.map(row -> next(
                        row,
                        row.specification(),
                        row.componentStatus(),
                        row.failureReason(),
                        row.desiredCopyCount(),
                        configured.at(),
                        version,
                        Optional.of(configured.deploymentConfig())));
            case InferenceComponentEvent.UpdateRolledBack rolledBack ->
                current.map(row -> next(
                        row,
                        rolledBack.specification(),
                        UPDATING,
                        Optional.of(rolledBack.reason()),
                        row.desiredCopyCount(),
                        rolledBack.at(),
                        version,
                        row.lastDeploymentConfig()));
            case InferenceComponentEvent.DesiredCopyCountSet set ->
                current.map(row -> change(row, row.specification(), set.copyCount(), set.at(), version));
            case InferenceComponentEvent.InService inService ->
                current.map(row -> status(row, IN_SERVICE, Optional.empty(), inService.at(), version));
            case InferenceComponentEvent.Failed failed ->
                current.map(row -> status(row, FAILED, Optional.of(failed.reason()), failed.at(), version));
            case InferenceComponentEvent.AdapterAttached attached -> current;
            case InferenceComponentEvent.DeletionStarted started ->
                current.map(row -> status(row, DELETING, Optional.empty(), started.at(), version));
            case InferenceComponentEvent.Deleted deleted -> Optional.empty();
        };
    }

    /** The row of a whole stream, oldest event first: what DescribeInferenceComponent shows. */
    public static Optional<InferenceComponentRow> describe(List<EventEnvelope> stream) {
        return Folds.fold(stream, InferenceComponentView::apply);
    }

    private static InferenceComponentRow change(
            InferenceComponentRow row, Document specification, int desired, Instant at, long version) {
        InferenceComponentStatus status = row.componentStatus() == IN_SERVICE ? UPDATING : row.componentStatus();
        return next(row, specification, status, row.failureReason(), desired, at, version, row.lastDeploymentConfig());
    }

    private static InferenceComponentRow status(
            InferenceComponentRow row,
            InferenceComponentStatus status,
            Optional<String> reason,
            Instant at,
            long version) {
        return next(
                row,
                row.specification(),
                status,
                reason,
                row.desiredCopyCount(),
                at,
                version,
                row.lastDeploymentConfig());
    }

    /** The row of the same component after a change: what names it stays, the rest is given. */
    private static InferenceComponentRow next(
            InferenceComponentRow row,
            Document specification,
            InferenceComponentStatus status,
            Optional<String> reason,
            int desired,
            Instant at,
            long version,
            Optional<Document> lastDeploymentConfig) {
        return new InferenceComponentRow(
                row.name(),
                row.arn(),
                row.endpointName(),
                row.endpointArn(),
                row.variantName(),
                specification,
                status,
                reason,
                desired,
                row.currentCopyCount(),
                row.creationTime(),
                at,
                version,
                lastDeploymentConfig);
    }
}
