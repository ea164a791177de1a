package dev.stowage.local.simulate;

import org.jspecify.annotations.Nullable;

/** Turns one line of a request-per-line trace into a request at trace time (before shaping). */
interface LineParser {
    /** The header the file must start with (compared without spaces, ignoring case), or null when it has none. */
    @Nullable
    String header();

    /** The request on this line, at milliseconds from the trace's start; throws {@link InputException} when bad. */
    Arrival parse(TraceLine line);
}
