package dev.stowage.host.trust;

import dev.stowage.wire.hostapi.HostKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session ids Stowage gives clients (ADR 31): the container's own id, with the copy it lives on and when it
 * expires, under a MAC of the deployment's host key ring, so that any host can route a session's request to its copy
 * without a shared table, and a client can neither point a session at another copy nor stretch its life.
 *
 * <p>{@code s1-<mac>-<expires>-<length of copy id>-<copy id>-<container's id>}: the MAC is HMAC-SHA256 truncated to
 * 128 bits (32 hex digits) over the scheme, endpoint, component, copy, expiry (epoch seconds) and the container's id.
 * Every field matches the service's {@code ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$}, so the whole does; it is at most {@value
 * #MAX_LENGTH} characters, the model's bound. Thread-safe.
 */
public final class SessionTokens {
    /** The most characters the service's {@code SessionId} and {@code ClosedSessionId} take. */
    public static final int MAX_LENGTH = 256;

    static final String VERSION = "s1";
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9])*");
    private static final String SCHEME = "STOWAGE-SESSION-HMAC-SHA256";
    private static final int MAC_BYTES = 16;

    private final KeySource keys;

    public SessionTokens(KeySource keys) {
        this.keys = keys;
    }

    /**
     * A session pinned to a copy.
     *
     * @param expires when the session ends, in epoch seconds (the container's {@code Expires})
     * @param containerId the id the container gave the session
     */
    public record Pin(String endpoint, String component, String copyId, long expires, String containerId) {}

    /** Whether {@code id} has the service's session id shape (without its length bound). */
    public static boolean wellFormed(String id) {
        return ID.matcher(id).matches();
    }

    /** The client's id for {@code pin}, signed with the ring's current key; empty when it would not fit the model. */
    public Optional<String> issue(Pin pin) {
        if (!wellFormed(pin.copyId()) || !wellFormed(pin.containerId()) || pin.expires() < 0) {
            return Optional.empty();
        }
        String token = VERSION + "-" + HexFormat.of().formatHex(mac(keys.keys().current(), pin)) + "-" + pin.expires()
                + "-" + pin.copyId().length() + "-" + pin.copyId() + "-" + pin.containerId();
        return token.length() <= MAX_LENGTH ? Optional.of(token) : Optional.empty();
    }

    /**
     * The pin {@code token} carries for {@code endpoint}'s {@code component}, when a key of the ring (current or
     * previous, read again if none matches) signed it; empty for anything else, garbled or forged.
     */
    public Optional<Pin> verify(String endpoint, String component, String token) {
        Optional<Parsed> parsed = parse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Pin pin = new Pin(endpoint, component, parsed.get().copyId, parsed.get().expires, parsed.get().containerId);
        if (signedByAny(keys.keys().keys(), pin, parsed.get().mac)
                || signedByAny(keys.refreshed().keys(), pin, parsed.get().mac)) {
            return Optional.of(pin);
        }
        return Optional.empty();
    }

    private static boolean signedByAny(List<HostKey> ring, Pin pin, byte[] mac) {
        boolean any = false;
        for (HostKey key : ring) {
            any |= MessageDigest.isEqual(mac(key, pin), mac);
        }
        return any;
    }

    private record Parsed(byte[] mac, long expires, String copyId, String containerId) {}

    private static Optional<Parsed> parse(String token) {
        if (token.length() > MAX_LENGTH || !token.startsWith(VERSION + "-")) {
            return Optional.empty();
        }
        String[] head = token.substring(VERSION.length() + 1).split("-", 4);
        if (head.length != 4 || head[0].length() != MAC_BYTES * 2 || !digits(head[1], 12) || !digits(head[2], 3)) {
            return Optional.empty();
        }
        byte[] mac;
        try {
            mac = HexFormat.of().parseHex(head[0]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int copyLength = Integer.parseInt(head[2]);
        String rest = head[3];
        if (copyLength < 1 || rest.length() < copyLength + 2 || rest.charAt(copyLength) != '-') {
            return Optional.empty();
        }
        String copyId = rest.substring(0, copyLength);
        String containerId = rest.substring(copyLength + 1);
        if (!wellFormed(copyId) || !wellFormed(containerId)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(mac, Long.parseLong(head[1]), copyId, containerId));
    }

    private static boolean digits(String text, int most) {
        return !text.isEmpty() && text.length() <= most && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static byte[] mac(HostKey key, Pin pin) {
        String toSign = SCHEME + "\n" + pin.endpoint() + "\n" + pin.component() + "\n" + pin.copyId() + "\n"
                + pin.expires() + "\n" + pin.containerId();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secretBytes(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
