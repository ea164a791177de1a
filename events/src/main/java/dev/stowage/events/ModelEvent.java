package dev.stowage.events;

import java.time.Instant;

/** Facts on a {@code model-<name>} stream. */
public sealed interface ModelEvent extends Event {

    /** CreateModel was accepted; {@code description} is the request as given, less the name. */
    record Created(String modelName, String modelArn, Document description, Instant createdAt) implements ModelEvent {}

    /** DeleteModel was accepted; the name may be used again. */
    record Deleted(Instant deletedAt) implements ModelEvent {}
}
