package dev.stowage.domain.placement;

import java.util.Optional;

/** A copy to be placed: a new one, or the replacement of {@code replaces} in a move. */
record Item(String ic, String copyId, Resources demand, Optional<String> replaces) {}
