package dev.stowage.domain.views;

import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Optional;

/**
 * An inference component: where it runs, its specification as given, its status (with the reason when
 * {@link InferenceComponentStatus#FAILED}) and its copy counts. {@code currentCopyCount} is 0 until
 * placement reports serving copies.
 */
public record InferenceComponentRow(
        String name,
        String arn,
        String endpointName,
        String endpointArn,
        String variantName,
        Document specification,
        InferenceComponentStatus componentStatus,
        Optional<String> failureReason,
        int desiredCopyCount,
        int currentCopyCount,
        Instant creationTime,
        Instant lastModifiedTime,
        long lastVersion)
        implements ViewRow {

    @Override
    public ViewKind kind() {
        return ViewKind.INFERENCE_COMPONENT;
    }

    @Override
    public Optional<String> status() {
        return Optional.of(componentStatus.wireName());
    }
}
