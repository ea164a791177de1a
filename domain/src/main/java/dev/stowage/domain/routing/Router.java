package dev.stowage.domain.routing;

import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Picks the copy that serves a request, by the variant's {@link RoutingStrategy}:
 *
 * <ul>
 *   <li>{@code RANDOM}: uniformly among the serving copies below their concurrency limit;
 *   <li>{@code LEAST_OUTSTANDING_REQUESTS}: the serving copy below its limit with the fewest outstanding
 *       requests; ties broken uniformly at random;
 *   <li>{@code PREFIX_AWARE} (Stowage's extension, ADR 29): the copy {@link PrefixAffinity} prefers for the
 *       request's {@link PrefixKey} when it is below its limit and within the load bound; otherwise, or when the
 *       request has no key, as {@code LEAST_OUTSTANDING_REQUESTS}.
 * </ul>
 *
 * <p>Draining copies never get a request. With no serving copy the pick is {@link Pick.NoCapacity}; with serving
 * copies that are all at their limit it is {@link Pick.Saturated}.
 *
 * <p>A router holds no state but its random generator (its {@link PrefixAffinity} is an immutable value): it is as
 * thread-safe as that generator. Give each thread its own router (or a thread-safe generator). The pick is made from the counts in the candidates; reserving the
 * slot (for example {@link OutstandingCounts#tryIncrement}) is the caller's, which picks again if it lost a race.
 */
public final class Router {
    private final RoutingStrategy strategy;
    private final RandomGenerator random;
    private final PrefixAffinity affinity;

    public Router(RoutingStrategy strategy, RandomGenerator random) {
        this(strategy, random, PrefixAffinity.DEFAULT);
    }

    public Router(RoutingStrategy strategy, RandomGenerator random, PrefixAffinity affinity) {
        this.strategy = strategy;
        this.random = random;
        this.affinity = affinity;
    }

    public RoutingStrategy strategy() {
        return strategy;
    }

    public PrefixAffinity affinity() {
        return affinity;
    }

    /** The pick among the candidate copies of one inference component (in any order), for a request with no key. */
    public Pick pick(List<Candidate> candidates) {
        return pick(candidates, null);
    }

    /**
     * The pick for a request whose prompt has the prefix key {@code prefix} (null when unknown); only
     * {@code PREFIX_AWARE} looks at the key.
     */
    public Pick pick(List<Candidate> candidates, @Nullable PrefixKey prefix) {
        if (strategy == RoutingStrategy.PREFIX_AWARE && prefix != null) {
            @Nullable Candidate preferred = affinity.preferred(candidates, prefix);
            if (preferred != null && affinity.accepts(preferred, candidates)) {
                return new Pick.Routed(preferred);
            }
        }
        boolean anyServing = false;
        @Nullable Candidate chosen = null;
        int best = Integer.MAX_VALUE;
        int ties = 0;
        for (Candidate candidate : candidates) {
            anyServing |= candidate.state() == Candidate.State.SERVING;
            if (!candidate.takesRequests()) {
                continue;
            }
            int key = key(candidate);
            if (key < best) {
                best = key;
                chosen = candidate;
                ties = 1;
            } else if (key == best && random.nextInt(++ties) == 0) {
                // reservoir sampling: the k-th equal candidate replaces the choice with probability 1/k
                chosen = candidate;
            }
        }
        if (chosen != null) {
            return new Pick.Routed(chosen);
        }
        return anyServing ? new Pick.Saturated() : new Pick.NoCapacity();
    }

    private int key(Candidate candidate) {
        return switch (strategy) {
            case RANDOM -> 0;
            case LEAST_OUTSTANDING_REQUESTS, PREFIX_AWARE -> candidate.outstanding();
        };
    }
}
