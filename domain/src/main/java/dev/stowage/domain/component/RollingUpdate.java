package dev.stowage.domain.component;

import dev.stowage.events.Document;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How copies of a new specification replace the old ones, from a {@code DeploymentConfig}: they come up {@code
 * MaximumBatchSize} at a time, and each batch serves for {@code WaitIntervalInSeconds} (its baking period) before as
 * many old copies are removed and the next batch starts. The update is rolled back when it has not finished within
 * {@code MaximumExecutionTimeoutInSeconds} or when one of {@code AutoRollbackConfiguration}'s alarms is in ALARM.
 *
 * @param batchType {@code COPY_COUNT} or {@code CAPACITY_PERCENT}
 * @param batchValue copies, or a percentage of the desired copy count
 * @param timeout the time the whole update may take, if limited
 * @param alarms the names of the alarms that roll the update back
 */
public record RollingUpdate(
        String batchType, int batchValue, Duration bakingPeriod, Optional<Duration> timeout, List<String> alarms) {
    public static final String COPY_COUNT = "COPY_COUNT";
    public static final String CAPACITY_PERCENT = "CAPACITY_PERCENT";
    private static final String POLICY = "RollingUpdatePolicy";

    public RollingUpdate {
        alarms = List.copyOf(alarms);
    }

    /** The rolling update of {@code deploymentConfig}, if it has a policy (the API has checked its shape). */
    public static Optional<RollingUpdate> of(Document deploymentConfig) {
        return batch(deploymentConfig, "MaximumBatchSize")
                .map(batch -> new RollingUpdate(
                        batch.type(),
                        batch.value(),
                        seconds(deploymentConfig, POLICY, "WaitIntervalInSeconds")
                                .orElse(Duration.ZERO),
                        seconds(deploymentConfig, POLICY, "MaximumExecutionTimeoutInSeconds"),
                        alarms(deploymentConfig)));
    }

    /**
     * How copies of the old specification come back when the update of {@code deploymentConfig} is rolled back:
     * {@code RollbackMaximumBatchSize} at a time without baking, or (when absent) all at once.
     */
    public static Optional<RollingUpdate> rollback(Document deploymentConfig) {
        return batch(deploymentConfig, "RollbackMaximumBatchSize")
                .map(batch ->
                        new RollingUpdate(batch.type(), batch.value(), Duration.ZERO, Optional.empty(), List.of()));
    }

    /** This update with its baking period and timeout divided by {@code factor} (local mode's time scale). */
    public RollingUpdate scaled(double factor) {
        return new RollingUpdate(
                batchType,
                batchValue,
                Duration.ofNanos((long) (bakingPeriod.toNanos() / factor)),
                timeout.map(t -> Duration.ofNanos((long) (t.toNanos() / factor))),
                alarms);
    }

    /** How many copies one batch brings up when {@code desiredCopies} are wanted: at least one. */
    public int batchCopies(int desiredCopies) {
        int copies = batchType.equals(CAPACITY_PERCENT) ? desiredCopies * batchValue / 100 : batchValue;
        return Math.max(1, copies);
    }

    private record Batch(String type, int value) {}

    private static Optional<Batch> batch(Document config, String member) {
        if (!config.has(POLICY, member)) {
            return Optional.empty();
        }
        return Optional.of(new Batch(
                config.text(POLICY, member, "Type").orElse(COPY_COUNT),
                config.number(POLICY, member, "Value").map(Double::intValue).orElse(1)));
    }

    private static Optional<Duration> seconds(Document config, String... path) {
        return config.number(path).map(value -> Duration.ofSeconds(value.longValue()));
    }

    private static List<String> alarms(Document config) {
        List<String> names = new ArrayList<>();
        config.at("AutoRollbackConfiguration", "Alarms")
                .ifPresent(list -> list.forEach(alarm -> {
                    if (alarm.hasNonNull("AlarmName")) {
                        names.add(alarm.get("AlarmName").asText());
                    }
                }));
        return names;
    }
}
