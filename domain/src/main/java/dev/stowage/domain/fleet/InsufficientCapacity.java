package dev.stowage.domain.fleet;

/**
 * An {@link InstanceProvider}'s refusal to launch an instance because it has no capacity of the type now (EC2's {@code
 * InsufficientInstanceCapacity}); the message says so as the provider did.
 */
public final class InsufficientCapacity extends RuntimeException {
    public InsufficientCapacity(String message) {
        super(message);
    }
}
