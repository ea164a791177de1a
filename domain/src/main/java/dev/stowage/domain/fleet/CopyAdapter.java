package dev.stowage.domain.fleet;

import java.time.Instant;

/**
 * An adapter inference component a copy of its base is to have loaded: its name (the adapter's name in the
 * container), where its artifact is ({@code Container.ArtifactUrl}), the adapter's specification time, and whether the
 * fleet already knows the copy has it loaded at that specification.
 */
public record CopyAdapter(String adapterName, String artifactUrl, Instant specifiedAt, boolean reported) {}
