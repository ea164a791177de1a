package dev.stowage.functions.hostkeys;

import java.util.Objects;
import java.util.Optional;

/** A key ring store in memory, for tests. */
public final class InMemoryKeyRingStore implements KeyRingStore {
    private Optional<StoredKeyRing> ring = Optional.empty();

    @Override
    public synchronized Optional<StoredKeyRing> load() {
        return ring;
    }

    @Override
    public synchronized boolean replace(Optional<StoredKeyRing> expected, StoredKeyRing next) {
        if (!Objects.equals(ring.map(r -> r.current().keyId()), expected.map(r -> r.current()
                .keyId()))) {
            return false;
        }
        ring = Optional.of(next);
        return true;
    }
}
