package dev.stowage.host.trust;

import dev.stowage.wire.sigv4.SigV4Verifier;
import java.time.Clock;
import java.util.Optional;

/**
 * Everything a host's servers and clients authenticate with, from one key source: the signer of what it sends peers,
 * the verifier of what peers send it, and the gate of its runtime port.
 */
public record HostTrust(PeerSigner signer, PeerVerifier verifier, InvocationGate gate) {

    /**
     * @param clients checks clients' SigV4 signatures on the runtime port (local mode); empty on AWS
     * @param clock the wall clock signatures are timed by: the real one, even when local mode scales its timers
     */
    public static HostTrust of(KeySource keys, Optional<SigV4Verifier> clients, Clock clock) {
        return new HostTrust(
                new PeerSigner(keys, clock), new PeerVerifier(keys, clock), new InvocationGate(keys, clients));
    }
}
