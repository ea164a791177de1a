package dev.stowage.host.copies;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The copies loaded on this host, by copy id: what the runtime API's router reads to pick a copy. The host adds a
 * copy once its {@code /ping} answers and takes it out when it stops. Safe for concurrent use; listings are
 * snapshots in copy id order.
 */
public final class CopyTable {
    private final ConcurrentMap<String, RoutableCopy> copies = new ConcurrentHashMap<>();

    public void add(RoutableCopy copy) {
        copies.put(copy.copyId(), copy);
    }

    public Optional<RoutableCopy> get(String copyId) {
        return Optional.ofNullable(copies.get(copyId));
    }

    /** Every copy, serving or draining. */
    public List<RoutableCopy> all() {
        return copies.values().stream()
                .sorted(Comparator.comparing(RoutableCopy::copyId))
                .toList();
    }

    /**
     * The copies of {@code inferenceComponentName} that take new requests; for an adapter inference component, the
     * copies of its base that have it loaded.
     */
    public List<RoutableCopy> serving(String inferenceComponentName) {
        return all().stream()
                .filter(c -> c.inferenceComponentName().equals(inferenceComponentName)
                        || c.hasAdapter(inferenceComponentName))
                .filter(c -> c.state() == RoutableCopy.State.SERVING)
                .toList();
    }

    /** {@link RoutableCopy#tryAcquire()} on the copy; false when it is unknown or draining. */
    public boolean tryAcquire(String copyId) {
        RoutableCopy copy = copies.get(copyId);
        return copy != null && copy.tryAcquire();
    }

    /** {@link RoutableCopy#release()} on the copy, if it is still here. */
    public void release(String copyId) {
        RoutableCopy copy = copies.get(copyId);
        if (copy != null) {
            copy.release();
        }
    }

    public void remove(String copyId) {
        copies.remove(copyId);
    }
}
