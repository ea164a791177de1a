package dev.stowage.domain.placement;

import java.util.Optional;

/** A copy to be placed: a new one, or the replacement of {@code replaces} in a move. */
record Item(String ic, String copyId, CopyDemand demand, Optional<String> replaces, Scheduling scheduling) {
    Item(String ic, String copyId, CopyDemand demand, Optional<String> replaces) {
        this(ic, copyId, demand, replaces, Scheduling.NONE);
    }

    /** What the copy needs on {@code host}'s type, or empty when it cannot run there. */
    Optional<Resources> on(Host host) {
        return demand.on(host.type);
    }
}
