package dev.stowage.host.serving;

import dev.stowage.events.Document;
import java.util.Optional;

/**
 * How many requests one copy of a component takes at once, when the component says so (Stowage, beyond the
 * service): the container environment variable {@value #ENVIRONMENT}, a whole number from 1 to {@value #MAX}. An
 * embedding model may take hundreds; an LLM server about its batch. Without it, the router's default.
 */
public final class CopyConcurrency {
    public static final String ENVIRONMENT = "STOWAGE_MAX_CONCURRENT_REQUESTS_PER_COPY";
    public static final int MAX = 10_000;

    private CopyConcurrency() {}

    static Optional<Integer> ofSpecification(Document specification) {
        return ComponentEnvironment.variable(specification, ENVIRONMENT).flatMap(CopyConcurrency::parse);
    }

    private static Optional<Integer> parse(String text) {
        try {
            int limit = Integer.parseInt(text.trim());
            return limit >= 1 && limit <= MAX ? Optional.of(limit) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
