package dev.stowage.domain.model;

import dev.stowage.events.Document;
import java.time.Instant;

/** What a user asks of a model. */
public sealed interface ModelCommand {
    String modelName();

    Instant at();

    record CreateModel(String modelName, Document description, Instant at) implements ModelCommand {}

    record DeleteModel(String modelName, Instant at) implements ModelCommand {}
}
