package dev.stowage.events;

/** A business fact recorded on one stream. Technical metadata lives in {@link EventEnvelope}. */
public sealed interface Event
        permits ModelEvent, EndpointConfigEvent, EndpointEvent, InferenceComponentEvent, FleetEvent, ScalingEvent {}
