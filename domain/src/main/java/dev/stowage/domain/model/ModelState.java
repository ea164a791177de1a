package dev.stowage.domain.model;

/** A model's lifecycle: it exists or it does not. */
public sealed interface ModelState {
    record Absent() implements ModelState {}

    record Present(String modelName) implements ModelState {}
}
