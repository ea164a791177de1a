package dev.stowage.domain.fleet;

import java.util.Set;

/**
 * Starts and stops the machines inference hosts run on: EC2 instances on AWS, in-process hosts locally.
 *
 * <p>{@code launch} is idempotent per {@code clientToken} (the {@code InstanceRequested} event's id): a repeated
 * launch of the same instance starts nothing new. {@code terminate} of an instance that is already gone does
 * nothing. Both return before the machine is up or down; the host registers itself when it is ready.
 */
public interface InstanceProvider {

    /** @throws InsufficientCapacity when the provider has no capacity of {@code instanceType} now */
    void launch(String fleetStream, String instanceId, String instanceType, String clientToken);

    void terminate(String fleetStream, String instanceId);

    /** The instances of the fleet the provider has launched and not yet terminated. */
    Set<String> launched(String fleetStream);
}
