package dev.stowage.domain.routing;

/** What the {@link Router} decided for one request. */
public sealed interface Pick {

    /** Send the request to this copy. */
    record Routed(Candidate copy) implements Pick {}

    /**
     * Serving copies exist but every one is at its concurrency limit: the caller queues the request or answers
     * 429 when no queue room is left.
     */
    record Saturated() implements Pick {}

    /**
     * No copy is serving (none yet, scaled to zero, or all draining): the caller answers the service's
     * no-capacity {@code ValidationError} and counts {@code NoCapacityInvocationFailures}.
     */
    record NoCapacity() implements Pick {}
}
