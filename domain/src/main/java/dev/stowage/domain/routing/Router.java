package dev.stowage.domain.routing;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Picks the copy that serves a request, by the variant's {@link RoutingStrategy}:
 *
 * <ul>
 *   <li>{@code RANDOM}: uniformly among the serving copies below their concurrency limit;
 *   <li>{@code LEAST_OUTSTANDING_REQUESTS}: the serving copy below its limit with the fewest outstanding
 *       requests; ties broken uniformly at random. A request that names an adapter goes first to the copy
 *       {@link Affinity} prefers for its {@link AdapterKey} when that copy is below its limit and within the load
 *       bound (ADR 32);
 *   <li>{@code PREFIX_AWARE} (Stowage's extension, ADR 29): the copy preferred for the request's adapter key, as
 *       above, or, for a request that names no adapter, for its {@link PrefixKey}, when it is below its limit and
 *       within the load bound; otherwise, or when the request has no key, as {@code LEAST_OUTSTANDING_REQUESTS}.
 * </ul>
 *
 * <p>Draining copies never get a request. With no serving copy the pick is {@link Pick.NoCapacity}; with serving
 * copies that are all at their limit it is {@link Pick.Saturated}.
 *
 * <p>A router holds no state but its random generator (its {@link PrefixAffinity} and {@link Affinity} are immutable values): it is as
 * thread-safe as that generator. Give each thread its own router (or a thread-safe generator). The pick is made from the counts in the candidates; reserving the
 * slot (for example {@link OutstandingCounts#tryIncrement}) is the caller's, which picks again if it lost a race.
 */
public final class Router {
    private final RoutingStrategy strategy;
    private final RandomGenerator random;
    private final PrefixAffinity affinity;
    private final Affinity adapterAffinity;

    public Router(RoutingStrategy strategy, RandomGenerator random) {
        this(strategy, random, PrefixAffinity.DEFAULT);
    }

    public Router(RoutingStrategy strategy, RandomGenerator random, PrefixAffinity affinity) {
        this(strategy, random, affinity, Affinity.DEFAULT);
    }

    public Router(RoutingStrategy strategy, RandomGenerator random, PrefixAffinity affinity, Affinity adapterAffinity) {
        this.strategy = strategy;
        this.random = random;
        this.affinity = affinity;
        this.adapterAffinity = adapterAffinity;
    }

    public RoutingStrategy strategy() {
        return strategy;
    }

    public PrefixAffinity affinity() {
        return affinity;
    }

    public Affinity adapterAffinity() {
        return adapterAffinity;
    }

    /** The pick among the candidate copies of one inference component (in any order), for a request with no key. */
    public Pick pick(List<Candidate> candidates) {
        return pick(candidates, null);
    }

    /**
     * The pick for a request whose prompt has the prefix key {@code prefix} (null when unknown) and that names no
     * adapter; only {@code PREFIX_AWARE} looks at the key.
     */
    public Pick pick(List<Candidate> candidates, @Nullable PrefixKey prefix) {
        return pick(candidates, null, prefix);
    }

    /**
     * The pick for a request that names the adapter {@code adapter} (null for a request to the base or to a
     * component with no adapters) and whose prompt has the prefix key {@code prefix} (null when unknown or not
     * computed). Which key, if any, the strategy follows is {@link #affinityKey}.
     */
    public Pick pick(List<Candidate> candidates, @Nullable AdapterKey adapter, @Nullable PrefixKey prefix) {
        @Nullable
        Candidate preferred =
                switch (affinityKey(adapter, prefix).orElse(null)) {
                    case null -> null;
                    case AdapterKey key -> adapterAffinity.pick(candidates, key);
                    case PrefixKey key -> affinity.affinity().pick(candidates, key);
                };
        if (preferred != null) {
            return new Pick.Routed(preferred);
        }
        return leastOrRandom(candidates);
    }

    /**
     * The key this router's strategy routes a request by (ADR 32): none under {@code RANDOM}; the adapter's under
     * {@code LEAST_OUTSTANDING_REQUESTS}; under {@code PREFIX_AWARE} the adapter's, else the prefix's. An adapter
     * wins over a prefix because a copy without the adapter must load it before any prefix helps, and an engine
     * caches prefixes per adapter anyway.
     */
    public Optional<AffinityKey> affinityKey(@Nullable AdapterKey adapter, @Nullable PrefixKey prefix) {
        return switch (strategy) {
            case RANDOM -> Optional.empty();
            case LEAST_OUTSTANDING_REQUESTS -> Optional.ofNullable(adapter);
            case PREFIX_AWARE -> adapter != null ? Optional.of(adapter) : Optional.ofNullable(prefix);
        };
    }

    private Pick leastOrRandom(List<Candidate> candidates) {
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
