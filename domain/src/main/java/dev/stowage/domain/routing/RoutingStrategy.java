package dev.stowage.domain.routing;

import java.util.Optional;

/**
 * The routing strategy of a production variant ({@code RoutingConfig.RoutingStrategy} in the SageMaker API),
 * with the service's wire names.
 */
public enum RoutingStrategy {
    /** Each request goes to a copy chosen uniformly at random among the serving copies with room. */
    RANDOM("RANDOM"),
    /**
     * Each request goes to the serving copy with the fewest outstanding requests, ties broken at random. This is
     * what SageMaker documents (not power-of-two-choices).
     */
    LEAST_OUTSTANDING_REQUESTS("LEAST_OUTSTANDING_REQUESTS");

    private final String wireName;

    RoutingStrategy(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, as in {@code "RoutingStrategy": "LEAST_OUTSTANDING_REQUESTS"}. */
    public String wireName() {
        return wireName;
    }

    /** The strategy with this wire name, if any (names are case-sensitive, as the service's enum is). */
    public static Optional<RoutingStrategy> fromWireName(String wireName) {
        for (RoutingStrategy strategy : values()) {
            if (strategy.wireName.equals(wireName)) {
                return Optional.of(strategy);
            }
        }
        return Optional.empty();
    }
}
