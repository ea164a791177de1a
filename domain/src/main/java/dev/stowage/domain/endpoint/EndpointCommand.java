package dev.stowage.domain.endpoint;

import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Optional;

/** What a user asks of an endpoint. */
public sealed interface EndpointCommand {
    String endpointName();

    /** {@code endpointConfig} is the named config's description, empty when it does not exist. */
    record CreateEndpoint(String endpointName, String endpointConfigName, Optional<Document> endpointConfig, Instant at)
            implements EndpointCommand {}

    /** {@code endpointConfig} is the named config's description, empty when it does not exist. */
    record UpdateEndpoint(String endpointName, String endpointConfigName, Optional<Document> endpointConfig, Instant at)
            implements EndpointCommand {}

    /** {@code inferenceComponents} is how many inference components the endpoint still hosts. */
    record DeleteEndpoint(String endpointName, int inferenceComponents, Instant at) implements EndpointCommand {}

    /** The endpoint's initial instances have registered. */
    record MarkEndpointInService(String endpointName, Instant at) implements EndpointCommand {}

    /** The last instance of an endpoint being deleted is gone. */
    record CompleteEndpointDeletion(String endpointName, Instant at) implements EndpointCommand {}
}
