package dev.stowage.domain.routing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rendezvous (highest-random-weight) hashing of an {@link AffinityKey} over the copy ids, bounded by load: the one
 * mechanism behind prefix-aware routing (ADR 29) and adapter affinity (ADR 32).
 *
 * <p>Every copy gets a score {@code mix(key, copyId)}; the preferred copy is the serving one with the highest
 * score. Any host ranks the copies alike from the key and the copy ids alone, so requests with one key meet on the
 * same copy whichever host they enter, and when a copy goes away (or drains) only the keys it preferred move. The
 * preferred copy is taken only if it is below its concurrency limit and not loaded beyond the bound
 * {@code outstanding ≤ ceil((1 + epsilon) × mean + slack)}, the mean being over the serving copies' outstanding
 * requests; otherwise the router falls back to least outstanding requests. So a hot key gets its copy until that
 * copy runs ahead of the others, and then spreads like least outstanding requests.
 *
 * @param epsilon how far above the mean load a preferred copy may run, relatively; at least 0
 * @param slack how far above it a preferred copy may run, absolutely, so that a copy with room in its batch keeps
 *     its keys at low load; at least 0
 */
public record Affinity(double epsilon, double slack) {
    /** ε = 0.25, slack 2 requests: the best of the settings the prefix routing benchmark tried (docs/benchmarks.md). */
    public static final Affinity DEFAULT = new Affinity(0.25, 2);

    public Affinity {
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
    public @Nullable Candidate preferred(List<Candidate> candidates, AffinityKey key) {
        long value = key.value();
        @Nullable Candidate best = null;
        long bestScore = 0;
        for (Candidate candidate : candidates) {
            if (candidate.state() != Candidate.State.SERVING) {
                continue;
            }
            long score = Hashes.mix(value ^ Hashes.of(candidate.copyId()));
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

    /** The preferred copy when it may take the request, else null (the router then picks by least outstanding). */
    public @Nullable Candidate pick(List<Candidate> candidates, AffinityKey key) {
        @Nullable Candidate preferred = preferred(candidates, key);
        return preferred != null && accepts(preferred, candidates) ? preferred : null;
    }
}
