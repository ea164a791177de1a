package dev.stowage.domain.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Snapshots in memory, for tests and single-process use. */
public final class InMemorySnapshotStore implements SnapshotStore {
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    @Override
    public Optional<Snapshot> load(String stream) {
        return Optional.ofNullable(snapshots.get(stream));
    }

    @Override
    public void save(String stream, Snapshot snapshot) {
        snapshots.merge(stream, snapshot, (old, given) -> given.version() > old.version() ? given : old);
    }
}
