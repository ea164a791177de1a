package dev.stowage.host.trust;

import dev.stowage.wire.hostapi.HostKeys;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Keys read from the control plane ({@code DescribeHostKeys}), read again when older than {@code maxAge} (5 minutes:
 * far shorter than a key's 30 days as current, so every host has read a new key long before the one it replaces is
 * dropped) or when a verifier meets an unknown key, at most once per {@code minGap}. A failed read keeps the keys
 * already known; with none known it is thrown.
 */
public final class RefreshingKeys implements KeySource {
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    public static final Duration MIN_GAP = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(RefreshingKeys.class.getName());

    private final Supplier<HostKeys> read;
    private final long maxAgeNanos;
    private final long minGapNanos;
    private final LongSupplier nanoTime;
    private @Nullable HostKeys keys;
    private long readAt;

    public RefreshingKeys(Supplier<HostKeys> read) {
        this(read, MAX_AGE, MIN_GAP, System::nanoTime);
    }

    RefreshingKeys(Supplier<HostKeys> read, Duration maxAge, Duration minGap, LongSupplier nanoTime) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
        this.minGapNanos = minGap.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized HostKeys keys() {
        HostKeys known = keys;
        if (known == null || nanoTime.getAsLong() - readAt > maxAgeNanos) {
            return readNow();
        }
        return known;
    }

    @Override
    public synchronized HostKeys refreshed() {
        HostKeys known = keys;
        if (known != null && nanoTime.getAsLong() - readAt < minGapNanos) {
            return known;
        }
        return readNow();
    }

    private HostKeys readNow() {
        HostKeys known = keys;
        try {
            HostKeys fresh = read.get();
            keys = fresh;
            readAt = nanoTime.getAsLong();
            return fresh;
        } catch (RuntimeException e) {
            if (known == null) {
                throw e;
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    "could not read the host keys; keeping those known: " + e.getMessage());
            readAt = nanoTime.getAsLong() - maxAgeNanos + minGapNanos; // try again soon, not on every request
            return known;
        }
    }
}
