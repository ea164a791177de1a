package dev.stowage.host.trust;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/** Signs what a host sends its peers (forwarded invocations, gossip) with the ring's current key. Thread-safe. */
public final class PeerSigner {
    /** The header the signature goes in. */
    public static final String HEADER = PeerSignature.HEADER;

    private final KeySource keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PeerSigner(KeySource keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The ring it signs with, which also signs the session ids clients hold ({@link SessionTokens}). */
    public KeySource keys() {
        return keys;
    }

    /** The {@value #HEADER} value for {@code method uri} with {@code body}; a fresh nonce each time. */
    public String sign(String method, URI uri, byte[] body) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        var key = keys.keys().current();
        long time = clock.instant().getEpochSecond();
        String hexNonce = HexFormat.of().formatHex(nonce);
        byte[] mac = PeerMac.of(key, method, pathAndQuery(uri), time, hexNonce, body);
        return new PeerSignature(key.keyId(), time, hexNonce, HexFormat.of().formatHex(mac)).header();
    }

    static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
