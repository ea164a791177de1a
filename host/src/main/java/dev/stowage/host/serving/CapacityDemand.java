package dev.stowage.host.serving;

/**
 * Told when a request is waiting for a component that has no serving copy, so that capacity is asked for at once
 * rather than when the {@code NoCapacityInvocationFailures} alarm fires a minute later. Called once per waiting
 * request; implementations deduplicate and must not block.
 */
@FunctionalInterface
public interface CapacityDemand {
    void waiting(String endpointName, String variantName, String inferenceComponentName);
}
