package dev.stowage.wire.hostapi;

import java.util.List;
import java.util.Optional;

/**
 * What the control plane gives a deployment's hosts to trust each other and their front (ADR 23): the host key ring,
 * current key first (the one hosts sign with) and then the previous one (still accepted, so that hosts that have not
 * yet read a rotation are not refused), and the tokens the API's runtime integration sends with every invocation
 * (none in local mode, whose front signs as a peer).
 *
 * @param keys the ring, current first; never empty
 * @param frontTokens the tokens an invocation from the deployment's front carries, current first
 */
public record HostKeys(List<HostKey> keys, List<String> frontTokens) {

    public HostKeys {
        keys = List.copyOf(keys);
        frontTokens = List.copyOf(frontTokens);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a host key ring holds at least its current key");
        }
    }

    /** The key to sign with. */
    public HostKey current() {
        return keys.getFirst();
    }

    /** The key of the ring named {@code keyId}: the current or the previous one. */
    public Optional<HostKey> find(String keyId) {
        return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    @Override
    public String toString() {
        return "HostKeys" + keys + " and " + frontTokens.size() + " front token(s)";
    }
}
