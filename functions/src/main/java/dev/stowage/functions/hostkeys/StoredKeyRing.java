package dev.stowage.functions.hostkeys;

import dev.stowage.wire.hostapi.HostKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host key ring as it is stored: the current key, since when it is current, and the key it replaced.
 *
 * @param current the key hosts sign with
 * @param currentSince when {@code current} was made; the ring rotates when it is older than the rotation period
 * @param previous the key before it, still accepted by the hosts
 */
public record StoredKeyRing(HostKey current, Instant currentSince, Optional<HostKey> previous) {

    /** The keys, current first, as the hosts get them. */
    public List<HostKey> keys() {
        List<HostKey> keys = new ArrayList<>(List.of(current));
        previous.ifPresent(keys::add);
        return keys;
    }
}
