package dev.stowage.host.trust;

import dev.stowage.wire.hostapi.HostKeys;

/** Where a host's keys come from: the control plane's answer, kept for a while. Safe for concurrent use. */
public interface KeySource {

    /** The keys as last read (read now if never, or if they are old). */
    HostKeys keys();

    /**
     * The keys read again now, unless they were read a moment ago: what a verifier asks when a request names a key or
     * token it does not know (a rotation this host has not read yet), so that a flood of such requests costs the
     * control plane at most one read every few seconds.
     */
    HostKeys refreshed();

    /** Fixed keys, for tests and for a router that holds the ring itself. */
    static KeySource fixed(HostKeys keys) {
        return new KeySource() {
            @Override
            public HostKeys keys() {
                return keys;
            }

            @Override
            public HostKeys refreshed() {
                return keys;
            }
        };
    }
}
