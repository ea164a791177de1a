package dev.stowage.domain.fleet;

import dev.stowage.events.Document;

/** A copy on an instance, with its inference component's specification: what a host needs to run it. */
public record CopyAssignment(FleetCopyRecord copy, Document specification) {}
