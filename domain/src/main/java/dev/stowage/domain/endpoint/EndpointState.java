package dev.stowage.domain.endpoint;

import dev.stowage.events.Document;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** An endpoint's lifecycle. */
public sealed interface EndpointState {
    record Absent() implements EndpointState {}

    /**
     * The endpoint exists; {@code endpointConfig} is the config it runs (or is moving to); {@code
     * inferenceComponents} names every component ever created on it (some may be deleted since).
     */
    record Present(
            String endpointName, Document endpointConfig, EndpointStatus status, SortedSet<String> inferenceComponents)
            implements EndpointState {
        public Present {
            inferenceComponents = Collections.unmodifiableSortedSet(new TreeSet<>(inferenceComponents));
        }

        /** An endpoint that has never had an inference component. */
        public Present(String endpointName, Document endpointConfig, EndpointStatus status) {
            this(endpointName, endpointConfig, status, new TreeSet<>());
        }

        Present withStatus(EndpointStatus next) {
            return new Present(endpointName, endpointConfig, next, inferenceComponents);
        }

        Present withInferenceComponent(String name) {
            SortedSet<String> names = new TreeSet<>(inferenceComponents);
            names.add(name);
            return new Present(endpointName, endpointConfig, status, names);
        }
    }
}
