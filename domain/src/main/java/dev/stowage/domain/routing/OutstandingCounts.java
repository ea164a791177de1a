package dev.stowage.domain.routing;

/**
 * Outstanding requests per copy: incremented when a request is sent to a copy, decremented when its response
 * (or its failure) is over. The {@link Router} decides from these counts.
 *
 * <p>What the router needs from an implementation, however counts are shared between hosts:
 *
 * <ul>
 *   <li><b>No lost updates.</b> Every increment and decrement is applied exactly once per copy, so that once
 *       traffic stops every host reads the true count (zero when idle). A count never reads negative.
 *   <li><b>Read your own writes.</b> A host sees its own increments and decrements at once: two requests picked
 *       one after the other on the same host never both see the count from before the first.
 *   <li><b>Monotonic reads, eventually visible.</b> Updates made on other hosts become visible after a bounded
 *       delay (the staleness), and once a host has seen an update it never reads a value from before it. The
 *       staleness should be small against the time a request takes; the routing simulation shows what a few
 *       milliseconds cost (nothing measurable for LLM-length requests).
 * </ul>
 *
 * <p>The concurrency limit is exact only for what one host sees: with counts shared across hosts two hosts may
 * both take the last slot of a copy within the staleness window, so a copy may briefly exceed its limit.
 */
public interface OutstandingCounts {

    /** The outstanding requests of the copy as this host sees them; 0 for a copy never counted. */
    int get(String copyId);

    /** One more request outstanding on the copy. */
    void increment(String copyId);

    /**
     * Increments the count only if it is below {@code limit}, atomically with respect to this host's other
     * updates; returns whether it did.
     */
    boolean tryIncrement(String copyId, int limit);

    /** One request fewer outstanding on the copy; never below zero. */
    void decrement(String copyId);

    /** Drops the count of a copy that is gone. */
    void forget(String copyId);
}
