package dev.stowage.domain.component;

import dev.stowage.events.Document;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@code DeploymentConfig}'s {@code RollingUpdatePolicy}: copies of a new specification are brought up {@code
 * MaximumBatchSize} at a time, and each batch serves for {@code WaitIntervalInSeconds} (its baking period) before as
 * many copies of the old specification are removed and the next batch starts.
 *
 * @param batchType {@code COPY_COUNT} or {@code CAPACITY_PERCENT}
 * @param batchValue copies, or a percentage of the desired copy count
 */
public record RollingUpdate(String batchType, int batchValue, Duration bakingPeriod) {
    public static final String COPY_COUNT = "COPY_COUNT";
    public static final String CAPACITY_PERCENT = "CAPACITY_PERCENT";

    /** The rolling update policy of {@code deploymentConfig}, if it has one (the API has checked its shape). */
    public static Optional<RollingUpdate> of(Document deploymentConfig) {
        String policy = "RollingUpdatePolicy";
        if (!deploymentConfig.has(policy, "MaximumBatchSize")) {
            return Optional.empty();
        }
        return Optional.of(new RollingUpdate(
                deploymentConfig.text(policy, "MaximumBatchSize", "Type").orElse(COPY_COUNT),
                deploymentConfig
                        .number(policy, "MaximumBatchSize", "Value")
                        .map(Double::intValue)
                        .orElse(1),
                Duration.ofSeconds(deploymentConfig
                        .number(policy, "WaitIntervalInSeconds")
                        .map(Double::longValue)
                        .orElse(0L))));
    }

    /** How many copies one batch brings up when {@code desiredCopies} are wanted: at least one. */
    public int batchCopies(int desiredCopies) {
        int copies = batchType.equals(CAPACITY_PERCENT) ? desiredCopies * batchValue / 100 : batchValue;
        return Math.max(1, copies);
    }
}
