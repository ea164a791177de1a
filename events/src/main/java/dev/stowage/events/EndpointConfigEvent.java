package dev.stowage.events;

import java.time.Instant;

/** Facts on an {@code endpoint-config-<name>} stream. */
public sealed interface EndpointConfigEvent extends Event {

    /** CreateEndpointConfig was accepted; {@code description} holds the variants and every other member given. */
    record Created(String endpointConfigName, String endpointConfigArn, Document description, Instant createdAt)
            implements EndpointConfigEvent {}

    /** DeleteEndpointConfig was accepted. Endpoints created from it keep their own copy of it. */
    record Deleted(Instant deletedAt) implements EndpointConfigEvent {}
}
