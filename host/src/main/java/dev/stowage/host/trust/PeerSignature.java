package dev.stowage.host.trust;

import dev.stowage.wire.protocol.WireError;
import java.util.HashMap;
import java.util.Map;

/**
 * The header a peer request or gossip push carries: {@code X-Stowage-Peer-Signature: HMAC-SHA256 Key=<key id>,
 * Time=<epoch seconds>, Nonce=<hex>, Mac=<hex>}.
 */
record PeerSignature(String keyId, long time, String nonce, String mac) {
    static final String HEADER = "X-Stowage-Peer-Signature";
    static final String ALGORITHM = "HMAC-SHA256";

    String header() {
        return ALGORITHM + " Key=" + keyId + ", Time=" + time + ", Nonce=" + nonce + ", Mac=" + mac;
    }

    /**
     * @throws dev.stowage.wire.protocol.WireException {@code IncompleteSignatureException} (400) when it is not the
     *     form above
     */
    static PeerSignature parse(String header) {
        String value = header.strip();
        if (!value.startsWith(ALGORITHM + " ")) {
            throw malformed();
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : value.substring(ALGORITHM.length() + 1).split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw malformed();
            }
            parts.put(
                    part.substring(0, equals).strip(),
                    part.substring(equals + 1).strip());
        }
        String key = parts.getOrDefault("Key", "");
        String time = parts.getOrDefault("Time", "");
        String nonce = parts.getOrDefault("Nonce", "");
        String mac = parts.getOrDefault("Mac", "");
        if (key.isEmpty() || nonce.isEmpty() || mac.isEmpty() || !time.matches("[0-9]{1,12}")) {
            throw malformed();
        }
        return new PeerSignature(key, Long.parseLong(time), nonce, mac);
    }

    private static RuntimeException malformed() {
        return new WireError(
                        "IncompleteSignatureException",
                        HEADER + " must be '" + ALGORITHM + " Key=<key id>, Time=<epoch seconds>, Nonce=<hex>,"
                                + " Mac=<hex>'.",
                        400)
                .exception();
    }
}
