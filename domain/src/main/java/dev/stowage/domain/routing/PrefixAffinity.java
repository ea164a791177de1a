package dev.stowage.domain.routing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link RoutingStrategy#PREFIX_AWARE} prefers to send a request with a {@link PrefixKey} (ADR 29): the
 * bounded-load rendezvous hashing of {@link Affinity}, keyed on the prompt's prefix block at {@code depth}.
 *
 * @param depth which prefix block makes the key: the first {@code depth} blocks (see {@link PrefixKey#of})
 * @param epsilon how far above the mean load a preferred copy may run, relatively; at least 0
 * @param slack how far above it a preferred copy may run, absolutely; at least 0
 */
public record PrefixAffinity(int depth, double epsilon, double slack) {
    /**
     * Key on the first two blocks (the first is often a shared system prompt, as in the Mooncake trace), ε = 0.25,
     * slack 2 requests: the best of the settings the prefix routing benchmark tried (docs/benchmarks.md).
     */
    public static final PrefixAffinity DEFAULT = new PrefixAffinity(2, 0.25, 2);

    public PrefixAffinity {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1: " + depth);
        }
        if (!(epsilon >= 0) || !(slack >= 0)) {
            throw new IllegalArgumentException("epsilon and slack must not be negative: " + epsilon + ", " + slack);
        }
    }

    /** The load bound this prefix affinity applies. */
    public Affinity affinity() {
        return new Affinity(epsilon, slack);
    }

    /** See {@link Affinity#bound}. */
    public int bound(List<Candidate> candidates) {
        return affinity().bound(candidates);
    }

    /** See {@link Affinity#preferred}. */
    public @Nullable Candidate preferred(List<Candidate> candidates, PrefixKey key) {
        return affinity().preferred(candidates, key);
    }

    /** See {@link Affinity#accepts}. */
    public boolean accepts(Candidate preferred, List<Candidate> candidates) {
        return affinity().accepts(preferred, candidates);
    }
}
