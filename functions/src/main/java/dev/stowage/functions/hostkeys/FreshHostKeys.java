package dev.stowage.functions.hostkeys;

import dev.stowage.wire.hostapi.HostKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;

/** Makes new host keys: 32 bytes from {@link SecureRandom} (HMAC-SHA256's block-sized key), named by 8 more. */
public final class FreshHostKeys implements Supplier<HostKey> {
    private final SecureRandom random = new SecureRandom();

    @Override
    public HostKey get() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new HostKey(
                "hk-" + HexFormat.of().formatHex(id), Base64.getEncoder().encodeToString(secret));
    }
}
