package dev.stowage.host.trust;

import dev.stowage.wire.hostapi.HostKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MAC of a peer request: HMAC-SHA256, with a key of the ring, over {@code STOWAGE-PEER-HMAC-SHA256 \n key id \n
 * method \n path?query \n time \n nonce \n hex(SHA-256(body))}. The path carries the copy a forward is for; the time
 * and nonce bound replays; the digest binds the body.
 */
final class PeerMac {
    private static final String SCHEME = "STOWAGE-PEER-HMAC-SHA256";

    private PeerMac() {}

    static byte[] of(HostKey key, String method, String pathAndQuery, long time, String nonce, byte[] body) {
        String toSign = SCHEME + "\n" + key.keyId() + "\n" + method + "\n" + pathAndQuery + "\n" + time + "\n" + nonce
                + "\n" + HexFormat.of().formatHex(sha256(body));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secretBytes(), "HmacSHA256"));
            return mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
