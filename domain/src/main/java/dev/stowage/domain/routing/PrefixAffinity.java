package dev.stowage.domain.routing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link RoutingStrategy#PREFIX_AWARE} prefers to send a request with a {@link PrefixKey}: rendezvous
 * (highest-random-weight) hashing of the key over the copy ids, bounded by load (ADR 29).
 *
 * <p>Every copy gets a score {@code mix(key, copyId)}; the preferred copy is the serving one with the highest
 * score. Any host ranks the copies alike from the key and the copy ids alone, so requests sharing a prefix meet on
 * the same copy whichever host they enter, and when a copy goes away (or drains) only the keys it preferred move.
 * The preferred copy is taken only if it is below its concurrency limit and not loaded beyond the bound
 * {@code outstanding ≤ ceil((1 + epsilon) × mean + slack)}, the mean being over the serving copies' outstanding
 * requests; otherwise the router falls back to least outstanding requests. So a hot prefix gets its copy until that
 * copy runs ahead of the others, and then spreads like least outstanding requests.
 *
 * @param depth which prefix block makes the key: the first {@code depth} blocks (see {@link PrefixKey#of})
 * @param epsilon how far above the mean load a preferred copy may run, relatively; at least 0
 * @param slack how far above it a preferred copy may run, absolutely, so that a copy with room in its batch keeps
 *     its prefixes at low load; at least 0
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

    /** The most outstanding requests a preferred copy may have and still be given one more. */
    public int bound(List<Candidate> candidates) {
        long total = 0;
        int serving = 0;
        for (Candidate candidate : candidates) {
            if (candidate.state() == Candidate.State.SERVING) {
                total += candidate.outstanding();
                serving++;
            }
        }
        double mean = serving == 0 ? 0 : (double) total / serving;
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil((1 + epsilon) * mean + slack));
    }

    /**
     * The serving copy the key prefers (highest score, ties by copy id), or null when there is none; whether it
     * may be given the request is {@link #accepts}.
     */
    public @Nullable Candidate preferred(List<Candidate> candidates, PrefixKey key) {
        @Nullable Candidate best = null;
        long bestScore = 0;
        for (Candidate candidate : candidates) {
            if (candidate.state() != Candidate.State.SERVING) {
                continue;
            }
            long score = score(key, candidate.copyId());
            if (best == null
                    || Long.compareUnsigned(score, bestScore) > 0
                    || (score == bestScore && candidate.copyId().compareTo(best.copyId()) < 0)) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Whether the preferred copy may take the request: below its limit and within the load bound. */
    public boolean accepts(Candidate preferred, List<Candidate> candidates) {
        return preferred.takesRequests() && preferred.outstanding() <= bound(candidates);
    }

    static long score(PrefixKey key, String copyId) {
        return Hashes.mix(key.value() ^ Hashes.of(copyId));
    }
}
