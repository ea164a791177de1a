package dev.stowage.domain.model;

import dev.stowage.events.Document;

/** A model's lifecycle: it exists or it does not. */
public sealed interface ModelState {
    record Absent() implements ModelState {}

    record Present(String modelName, Document description) implements ModelState {}
}
