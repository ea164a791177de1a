package dev.stowage.domain.store;

import java.util.Optional;

/**
 * The state of a long stream as of some version, so a read folds only the events after it. A snapshot is a
 * cache: losing one costs a longer fold, never correctness. A save never replaces a newer snapshot.
 */
public interface SnapshotStore {

    record Snapshot(long version, byte[] state) {}

    Optional<Snapshot> load(String stream);

    void save(String stream, Snapshot snapshot);
}
