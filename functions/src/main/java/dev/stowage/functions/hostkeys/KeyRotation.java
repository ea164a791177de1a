package dev.stowage.functions.hostkeys;

import dev.stowage.wire.hostapi.HostKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When the host key ring changes, as a pure function of the stored ring and the time: the first ring is made with one
 * key; a ring whose current key is older than {@code period} gets a fresh current key and keeps the one it replaces
 * as previous (the one before is dropped). The period is long against how often hosts read the ring (minutes), so
 * every host has read a key long before its successor makes it the previous one and long before it is dropped.
 *
 * @param period how long a key is current (30 days by default)
 */
public record KeyRotation(Duration period) {

    public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    public static KeyRotation standard() {
        return new KeyRotation(DEFAULT_PERIOD);
    }

    /** The ring to store instead of {@code stored} at {@code now}; empty when {@code stored} stays as it is. */
    public Optional<StoredKeyRing> next(Optional<StoredKeyRing> stored, Instant now, Supplier<HostKey> fresh) {
        if (stored.isEmpty()) {
            return Optional.of(new StoredKeyRing(fresh.get(), now, Optional.empty()));
        }
        StoredKeyRing ring = stored.get();
        if (now.isBefore(ring.currentSince().plus(period))) {
            return Optional.empty();
        }
        return Optional.of(new StoredKeyRing(fresh.get(), now, Optional.of(ring.current())));
    }
}
