package dev.stowage.functions.hostkeys;

import java.util.Optional;

/**
 * Where the deployment's host key ring is kept: one ring per deployment, replaced as a whole. Implementations are
 * safe for concurrent use and linearizable per ring: {@link #load} sees the last successful {@link #replace}, and of
 * two replacements expecting the same ring only one succeeds.
 */
public interface KeyRingStore {

    /** The stored ring, read consistently; empty before the first one is stored. */
    Optional<StoredKeyRing> load();

    /**
     * Stores {@code next} if the stored ring is still {@code expected} (compared by its current key's id; empty: no
     * ring stored yet).
     *
     * @return false, storing nothing, when another ring was stored since {@code expected} was read
     */
    boolean replace(Optional<StoredKeyRing> expected, StoredKeyRing next);
}
