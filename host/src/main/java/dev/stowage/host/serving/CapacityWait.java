package dev.stowage.host.serving;

import dev.stowage.events.Document;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a request may wait for a copy when its component has none serving, or when every serving copy is full
 * (Stowage, beyond the service): the request's {@value #HEADER} header in seconds, else the component's default, the
 * container environment variable {@value #ENVIRONMENT} (as SageMaker reads its own {@code SAGEMAKER_*} variables),
 * else not at all. Values are capped at {@link #MAX}.
 */
public final class CapacityWait {
    public static final String HEADER = "X-Stowage-Wait-For-Capacity";
    public static final String ENVIRONMENT = "STOWAGE_WAIT_FOR_CAPACITY_SECONDS";
    public static final Duration MAX = Duration.ofMinutes(15);

    private CapacityWait() {}

    /** The wait a header value asks for; empty when absent, blank or not a non-negative number of seconds. */
    public static Optional<Duration> ofHeader(String value) {
        return seconds(value);
    }

    static Duration ofSpecification(Document specification) {
        return ComponentEnvironment.variable(specification, ENVIRONMENT)
                .flatMap(CapacityWait::seconds)
                .orElse(Duration.ZERO);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.trim());
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                return Optional.empty();
            }
            Duration wait = Duration.ofNanos((long) (Math.min(seconds, MAX.toSeconds()) * 1e9));
            return Optional.of(wait);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
