package dev.stowage.host.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Test launches: a copy {@code ic-c1} of {@code ic} on {@code i-1} of {@code ep/AllTraffic}. */
public final class Launches {
    public static final Launch.CopyIdentity COPY =
            new Launch.CopyIdentity("ep", "AllTraffic", "i-1", "ic", "ic-c1", "0123456789ab");

    private Launches() {}

    public static Launch of(String image, int port, Map<String, String> env, @Nullable Path artifactDir, CopyLog log) {
        return new Launch(
                COPY,
                image,
                port,
                env,
                artifactDir,
                new Launch.Compute(1000, 1024, Optional.empty()),
                Launch.Devices.NONE,
                false,
                log);
    }
}
