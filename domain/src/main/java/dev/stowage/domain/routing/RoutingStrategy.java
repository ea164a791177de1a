package dev.stowage.domain.routing;

import java.util.Optional;

/**
 * The routing strategy of a production variant ({@code RoutingConfig.RoutingStrategy} in the SageMaker API),
 * with the service's wire names, plus one extension of Stowage's own ({@link #PREFIX_AWARE}) whose wire name
 * carries a {@code STOWAGE_} prefix so that it can never collide with a value the service adds.
 */
public enum RoutingStrategy {
    /** Each request goes to a copy chosen uniformly at random among the serving copies with room. */
    RANDOM("RANDOM"),
    /**
     * Each request goes to the serving copy with the fewest outstanding requests, ties broken at random. This is
     * what SageMaker documents (not power-of-two-choices). Stowage adds one thing the service does not document
     * (ADR 32): a request that names an adapter goes first to the copy ranked highest for that adapter, within a
     * load bound ({@link Affinity}), so that adapters stay resident instead of being loaded on every copy.
     */
    LEAST_OUTSTANDING_REQUESTS("LEAST_OUTSTANDING_REQUESTS"),
    /**
     * Stowage's extension (ADR 29), not a value of the service: each request goes to the copy most likely to hold
     * its prompt's prefix in cache (rendezvous hashing of its {@link PrefixKey} over the copy ids), as long as that
     * copy is not loaded beyond the bound of {@link PrefixAffinity}; otherwise, and for requests with no prefix
     * key, least outstanding requests. A request that names an adapter is routed by its adapter instead (ADR 32).
     */
    PREFIX_AWARE("STOWAGE_PREFIX_AWARE");

    private final String wireName;

    RoutingStrategy(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, as in {@code "RoutingStrategy": "LEAST_OUTSTANDING_REQUESTS"}. */
    public String wireName() {
        return wireName;
    }

    /** Whether this value is Stowage's own and not one of the service's {@code RoutingStrategy} enum. */
    public boolean stowageExtension() {
        return this == PREFIX_AWARE;
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
