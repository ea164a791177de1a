package dev.stowage.domain.endpoint;

import dev.stowage.events.Document;

/** An endpoint's lifecycle. */
public sealed interface EndpointState {
    record Absent() implements EndpointState {}

    /** The endpoint exists; {@code endpointConfig} is the config it runs (or is moving to). */
    record Present(String endpointName, Document endpointConfig, EndpointStatus status) implements EndpointState {
        Present withStatus(EndpointStatus next) {
            return new Present(endpointName, endpointConfig, next);
        }
    }
}
