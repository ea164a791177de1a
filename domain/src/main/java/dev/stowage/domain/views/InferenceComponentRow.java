package dev.stowage.domain.views;

import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Optional;

/**
 * An inference component: where it runs, its specification as given, its status (with the reason when
 * {@link InferenceComponentStatus#FAILED}) and its copy counts. {@code currentCopyCount} is 0 until
 * placement reports serving copies. {@code lastDeploymentConfig} is the last {@code DeploymentConfig} an update
 * gave, which DescribeInferenceComponent shows; the stored views leave it out, as List does not show it.
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
        long lastVersion,
        Optional<Document> lastDeploymentConfig)
        implements ViewRow {

    /** A row without a last deployment config: as the stored views hold it. */
    public InferenceComponentRow(
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
            long lastVersion) {
        this(
                name,
                arn,
                endpointName,
                endpointArn,
                variantName,
                specification,
                componentStatus,
                failureReason,
                desiredCopyCount,
                currentCopyCount,
                creationTime,
                lastModifiedTime,
                lastVersion,
                Optional.empty());
    }

    @Override
    public ViewKind kind() {
        return ViewKind.INFERENCE_COMPONENT;
    }

    @Override
    public Optional<String> status() {
        return Optional.of(componentStatus.wireName());
    }
}
