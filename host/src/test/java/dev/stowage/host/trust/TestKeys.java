package dev.stowage.host.trust;

import dev.stowage.wire.hostapi.HostKey;
import dev.stowage.wire.hostapi.HostKeys;
import java.time.Clock;
import java.util.List;

/** Fixed keys for tests: one deployment's ring (current and previous), another deployment's, and a front token. */
public final class TestKeys {
    public static final HostKey CURRENT = new HostKey("hk-current", "Y3VycmVudC1rZXktb2YtMzItYnl0ZXMtMDEyMzQ1Njc=");
    public static final HostKey PREVIOUS = new HostKey("hk-previous", "cHJldmlvdXMta2V5LW9mLTMyLWJ5dGVzLTAxMjM0NTY=");
    public static final HostKey OTHER_DEPLOYMENT =
            new HostKey("hk-other", "b3RoZXItZGVwbG95bWVudHMta2V5LTMyLWJ5dGVzLTA=");
    public static final String FRONT_TOKEN = "front-token-of-this-deployment";
    public static final HostKeys KEYS = new HostKeys(List.of(CURRENT, PREVIOUS), List.of(FRONT_TOKEN));

    private TestKeys() {}

    /** A signer with this deployment's current key. */
    public static PeerSigner signer() {
        return new PeerSigner(KeySource.fixed(KEYS), Clock.systemUTC());
    }
}
