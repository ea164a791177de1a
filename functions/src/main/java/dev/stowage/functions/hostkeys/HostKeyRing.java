package dev.stowage.functions.hostkeys;

import dev.stowage.wire.hostapi.HostKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deployment's host key ring as the control plane serves it: read from its store, made the first time, rotated
 * when due ({@link KeyRotation}). Concurrent callers (several Lambda containers) agree: a replacement that loses the
 * race is dropped and the winner's ring read again.
 */
public final class HostKeyRing {
    private static final int ATTEMPTS = 5;

    private final KeyRingStore store;
    private final KeyRotation rotation;
    private final Supplier<HostKey> fresh;
    private final Clock clock;

    public HostKeyRing(KeyRingStore store, KeyRotation rotation, Supplier<HostKey> fresh, Clock clock) {
        this.store = store;
        this.rotation = rotation;
        this.fresh = fresh;
        this.clock = clock;
    }

    /** A ring with fresh random keys rotated every 30 days. */
    public static HostKeyRing standard(KeyRingStore store, Clock clock) {
        return new HostKeyRing(store, KeyRotation.standard(), new FreshHostKeys(), clock);
    }

    /** The ring's keys now, current first. */
    public List<HostKey> keys() {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredKeyRing> stored = store.load();
            Optional<StoredKeyRing> next = rotation.next(stored, clock.instant(), fresh);
            if (next.isEmpty()) {
                return stored.orElseThrow().keys();
            }
            if (store.replace(stored, next.get())) {
                return next.get().keys();
            }
            if (attempt >= ATTEMPTS) {
                throw new IllegalStateException("the host key ring kept changing while it was rotated");
            }
        }
    }
}
