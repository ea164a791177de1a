package dev.stowage.domain.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ViewStore} in memory, for tests and the simulator. One lock makes every write atomic. */
public final class InMemoryViewStore implements ViewStore {
    private final Map<String, ViewRow> rows = new HashMap<>();
    private final Map<String, Long> checkpoints = new HashMap<>();

    @Override
    public synchronized Optional<ViewRow> get(ViewKind kind, String name) {
        return Optional.ofNullable(rows.get(kind.streamOf(name)));
    }

    @Override
    public synchronized StreamView load(String stream) {
        return new StreamView(stream, checkpoints.getOrDefault(stream, 0L), Optional.ofNullable(rows.get(stream)));
    }

    @Override
    public synchronized boolean put(ViewRow row, long expectedLastVersion) {
        ViewStore.requireForward(expectedLastVersion, row.lastVersion());
        String stream = row.stream();
        if (checkpoints.getOrDefault(stream, 0L) != expectedLastVersion) {
            return false;
        }
        rows.put(stream, row);
        checkpoints.put(stream, row.lastVersion());
        return true;
    }

    @Override
    public synchronized boolean delete(String stream, long expectedLastVersion, long appliedVersion) {
        ViewStore.requireForward(expectedLastVersion, appliedVersion);
        if (checkpoints.getOrDefault(stream, 0L) != expectedLastVersion) {
            return false;
        }
        rows.remove(stream);
        checkpoints.put(stream, appliedVersion);
        return true;
    }

    @Override
    public synchronized List<ViewRow> list(ViewKind kind) {
        List<ViewRow> result = new ArrayList<>();
        for (ViewRow row : rows.values()) {
            if (row.kind() == kind) {
                result.add(row);
            }
        }
        return result;
    }
}
