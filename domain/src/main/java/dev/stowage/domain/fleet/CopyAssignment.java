package dev.stowage.domain.fleet;

import dev.stowage.events.Document;
import java.util.List;

/**
 * A copy on an instance, with its inference component's specification and the adapter inference components it is
 * to have loaded: what a host needs to run it.
 */
public record CopyAssignment(FleetCopyRecord copy, Document specification, List<CopyAdapter> adapters) {

    public CopyAssignment {
        adapters = List.copyOf(adapters);
    }

    /** A copy with no adapters to load. */
    public CopyAssignment(FleetCopyRecord copy, Document specification) {
        this(copy, specification, List.of());
    }
}
