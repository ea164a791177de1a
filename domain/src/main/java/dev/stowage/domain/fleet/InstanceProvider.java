package dev.stowage.domain.fleet;

import java.util.Set;

/**
 * Starts and stops the machines inference hosts run on: EC2 instances on AWS, in-process hosts locally.
 *
 * <p>{@code launch} is idempotent per {@link Launch#clientToken()} (unique to the instance): a repeated launch of the
 * same instance starts nothing new. It launches in the {@link Launch#zone() zone} placement asked for (any, when
 * that is {@code ""}), never in another, so that placement's zone balance holds; a provider with no capacity there
 * refuses for capacity. With a {@link Launch#reservation() reservation}, a provider that has reservations launches
 * only into it (local mode has none and ignores it). {@code terminate} of an instance that is already gone does
 * nothing. Both return before the machine is up or down; the host registers itself when it is ready.
 */
public interface InstanceProvider {

    /**
     * @throws InsufficientCapacity when the provider has no capacity of the type now (in the zone, or in the
     *     reservation)
     */
    void launch(Launch launch);

    void terminate(String fleetStream, String instanceId);

    /** The instances of the fleet the provider has launched and not yet terminated. */
    Set<String> launched(String fleetStream);
}
