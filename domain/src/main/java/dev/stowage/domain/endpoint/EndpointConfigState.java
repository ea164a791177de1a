package dev.stowage.domain.endpoint;

/** An endpoint config exists or it does not. */
public sealed interface EndpointConfigState {
    record Absent() implements EndpointConfigState {}

    record Present(String endpointConfigName) implements EndpointConfigState {}
}
