package dev.stowage.host.trust;

import dev.stowage.wire.hostapi.HostKey;
import dev.stowage.wire.hostapi.HostKeys;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.WireError;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks a peer request's {@value PeerSignature#HEADER} before the host acts on it, refusing as AWS refuses a bad
 * SigV4 signature:
 *
 * <ul>
 *   <li>none: {@code MissingAuthenticationTokenException} 403;
 *   <li>not the header's form: {@code IncompleteSignatureException} 400;
 *   <li>a key that is not the ring's current or previous one (another deployment's, or one long rotated out), after
 *       reading the ring again: {@code UnrecognizedClientException} 403;
 *   <li>a time more than {@link #MAX_SKEW} away: {@code InvalidSignatureException} 403, {@code Signature expired} or
 *       {@code not yet current};
 *   <li>a MAC that is not the request's: {@code InvalidSignatureException} 403;
 *   <li>a signature already accepted (a replay): {@code InvalidSignatureException} 403.
 * </ul>
 *
 * The body is read only after the header, key and time pass, and a signature is remembered only once its MAC
 * verified, so a stranger can neither make the host read a body nor fill its memory of signatures. Thread-safe.
 */
public final class PeerVerifier {
    /** How far a signature's time may be from this host's clock (hosts on EC2 keep NTP time). */
    public static final Duration MAX_SKEW = Duration.ofSeconds(60);

    private static final int REMEMBERED = 1_000_000;

    private final KeySource keys;
    private final Clock clock;
    private final ReplayWindow seen = new ReplayWindow(MAX_SKEW.multipliedBy(2).toNanos(), REMEMBERED);

    public PeerVerifier(KeySource keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The request's body, once its signature is this deployment's, fresh, right and new.
     *
     * @param pathAndQuery the raw path, and {@code ?} and the raw query when there is one
     * @throws dev.stowage.wire.protocol.WireException the refusal
     */
    public byte[] verify(String method, String pathAndQuery, Headers headers, BodySource body) throws IOException {
        String header = headers.first(PeerSignature.HEADER).orElse("");
        if (header.isBlank()) {
            throw new WireError("MissingAuthenticationTokenException", "Request is missing Authentication Token", 403)
                    .exception();
        }
        PeerSignature signature = PeerSignature.parse(header);
        HostKey key = key(signature.keyId());
        checkSkew(signature.time());
        byte[] bytes = body.read();
        byte[] expected = PeerMac.of(key, method, pathAndQuery, signature.time(), signature.nonce(), bytes);
        if (!MessageDigest.isEqual(expected, hex(signature.mac()))) {
            throw invalid("The request signature we calculated does not match the signature you provided.");
        }
        if (!seen.firstSeen(signature.keyId() + "/" + signature.nonce(), System.nanoTime())) {
            throw invalid("The request signature was already used: a peer request is accepted once.");
        }
        return bytes;
    }

    private HostKey key(String keyId) {
        Optional<HostKey> known = keys.keys().find(keyId);
        if (known.isPresent()) {
            return known.get();
        }
        HostKeys again = keys.refreshed();
        return again.find(keyId).orElseThrow(() -> new WireError(
                        "UnrecognizedClientException",
                        "The security token included in the request is invalid: key " + keyId
                                + " is not one of this deployment's host keys.",
                        403)
                .exception());
    }

    private void checkSkew(long time) {
        Instant signed = Instant.ofEpochSecond(time);
        Instant now = clock.instant();
        if (signed.isBefore(now.minus(MAX_SKEW))) {
            throw invalid("Signature expired: " + signed + " is now earlier than " + now.minus(MAX_SKEW) + " (" + now
                    + " - " + MAX_SKEW.toSeconds() + " s).");
        }
        if (signed.isAfter(now.plus(MAX_SKEW))) {
            throw invalid("Signature not yet current: " + signed + " is still later than " + now.plus(MAX_SKEW) + " ("
                    + now + " + " + MAX_SKEW.toSeconds() + " s).");
        }
    }

    private static byte[] hex(String mac) {
        try {
            return HexFormat.of().parseHex(mac);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static RuntimeException invalid(String message) {
        return new WireError("InvalidSignatureException", message, 403).exception();
    }
}
