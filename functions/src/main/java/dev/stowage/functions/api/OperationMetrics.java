package dev.stowage.functions.api;

import dev.stowage.functions.metrics.EmfMetrics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What the API function tells of each request, per operation (API Gateway sees only {@code POST /}): {@code
 * Requests}, {@code ClientErrors} (4xx), {@code Faults} (5xx) and {@code Latency} in milliseconds.
 */
@FunctionalInterface
public interface OperationMetrics {
    /** The operation of a request that did not parse. */
    String UNPARSED = "Unparsed";

    OperationMetrics NONE = (operation, status, took) -> {};

    void record(String operation, int status, Duration took);

    /** One Embedded Metric Format line per request on stdout, namespace {@code Stowage/Functions}. */
    static OperationMetrics emf() {
        return emf(System.out, Clock.systemUTC());
    }

    static OperationMetrics emf(PrintStream out, Clock clock) {
        return (operation, status, took) -> {
            EmfMetrics metrics =
                    new EmfMetrics("Stowage/Functions", Map.of("Function", "api", "Operation", operation), out, clock);
            metrics.add("Requests", "Count", 1);
            metrics.add("ClientErrors", "Count", status >= 400 && status < 500 ? 1 : 0);
            metrics.add("Faults", "Count", status >= 500 ? 1 : 0);
            metrics.add("Latency", "Milliseconds", took.toNanos() / 1e6);
            metrics.flush();
        };
    }
}
