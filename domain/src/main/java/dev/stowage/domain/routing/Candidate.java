package dev.stowage.domain.routing;

/**
 * A copy of an inference component as the router sees it when it picks: where it runs, whether it takes new
 * requests, and how many it has outstanding (as the {@link OutstandingCounts} showed them at that moment).
 *
 * @param outstanding requests sent to the copy and not yet answered, as seen by the router (may be stale when
 *     counts are shared between hosts)
 * @param concurrencyLimit the most requests the copy may have outstanding; at least 1
 */
public record Candidate(String copyId, String host, State state, int outstanding, int concurrencyLimit) {

    public enum State {
        /** Loaded and taking new requests. */
        SERVING,
        /** Being removed: finishes the requests it has, gets no new ones. */
        DRAINING
    }

    public Candidate {
        if (outstanding < 0) {
            throw new IllegalArgumentException("outstanding must not be negative: " + outstanding);
        }
        if (concurrencyLimit < 1) {
            throw new IllegalArgumentException("concurrencyLimit must be at least 1: " + concurrencyLimit);
        }
    }

    /** The candidate for a copy, with its outstanding count read from {@code counts} now. */
    public static Candidate seen(
            String copyId, String host, State state, int concurrencyLimit, OutstandingCounts counts) {
        return new Candidate(copyId, host, state, counts.get(copyId), concurrencyLimit);
    }

    /** Whether the copy may be sent a new request: serving and below its concurrency limit. */
    public boolean takesRequests() {
        return state == State.SERVING && outstanding < concurrencyLimit;
    }
}
