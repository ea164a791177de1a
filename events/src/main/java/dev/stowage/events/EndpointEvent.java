package dev.stowage.events;

import java.time.Instant;

/** Facts on an {@code endpoint-<name>} stream. */
public sealed interface EndpointEvent extends Event {

    /**
     * CreateEndpoint was accepted. {@code endpointConfig} is the config's description as it was then: the
     * endpoint keeps running from it even if the config is deleted later.
     */
    record Created(
            String endpointName,
            String endpointArn,
            String endpointConfigName,
            Document endpointConfig,
            Instant createdAt)
            implements EndpointEvent {}

    /** The endpoint's instances serve; it accepts inference components and invocations. */
    record InService(Instant at) implements EndpointEvent {}

    /** UpdateEndpoint was accepted: the endpoint moves to another config. */
    record Updated(String endpointConfigName, Document endpointConfig, Instant at) implements EndpointEvent {}

    /** The endpoint could not be brought into service. */
    record Failed(String reason, Instant at) implements EndpointEvent {}

    /**
     * CreateInferenceComponent put a component on the endpoint, in the same atomic append as the component's own
     * {@code Created}: the endpoint's stream moves with every component created on it, so a DeleteEndpoint deciding on
     * an older version loses the race instead of deleting an endpoint that has just been given a component.
     */
    record InferenceComponentAdded(String inferenceComponentName, Instant at) implements EndpointEvent {}

    /** DeleteEndpoint was accepted; the endpoint is {@code Deleting} until {@link Deleted}. */
    record DeletionStarted(Instant at) implements EndpointEvent {}

    /** The endpoint is gone; the name may be used again. */
    record Deleted(Instant at) implements EndpointEvent {}
}
