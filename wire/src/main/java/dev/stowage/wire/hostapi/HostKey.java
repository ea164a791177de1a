package dev.stowage.wire.hostapi;

import java.util.Base64;

/**
 * One key of a deployment's host key ring (ADR 23): the hosts MAC their peer requests and load gossip with it.
 *
 * @param keyId names the key in a signature, so that a receiver knows which key to check with; not secret
 * @param secret the key's 32 random bytes, base64-encoded (standard alphabet); secret
 */
public record HostKey(String keyId, String secret) {

    public HostKey {
        if (keyId.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("a host key needs an id and a secret");
        }
    }

    /** The secret's bytes, the HMAC key. */
    public byte[] secretBytes() {
        return Base64.getDecoder().decode(secret);
    }

    /** Never the secret: keys end up in log lines by accident otherwise. */
    @Override
    public String toString() {
        return "HostKey[" + keyId + "]";
    }
}
