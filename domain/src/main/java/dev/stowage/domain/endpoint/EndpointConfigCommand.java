package dev.stowage.domain.endpoint;

import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Set;

/** What a user asks of an endpoint config. */
public sealed interface EndpointConfigCommand {
    String endpointConfigName();

    /**
     * {@code missingModels} are the variants' model names that do not exist, as looked up by the caller just
     * before deciding.
     */
    record CreateEndpointConfig(String endpointConfigName, Document description, Set<String> missingModels, Instant at)
            implements EndpointConfigCommand {}

    record DeleteEndpointConfig(String endpointConfigName, Instant at) implements EndpointConfigCommand {}
}
