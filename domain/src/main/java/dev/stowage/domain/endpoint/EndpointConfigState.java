package dev.stowage.domain.endpoint;

import dev.stowage.events.Document;

/** An endpoint config exists or it does not. */
public sealed interface EndpointConfigState {
    record Absent() implements EndpointConfigState {}

    record Present(String endpointConfigName, Document description) implements EndpointConfigState {}
}
