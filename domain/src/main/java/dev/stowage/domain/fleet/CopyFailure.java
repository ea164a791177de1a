package dev.stowage.domain.fleet;

import java.time.Instant;

/** The last failure of an inference component's copies, when it happened, and how many failed in a row. */
public record CopyFailure(String reason, String logTail, int inARow, Instant at) {}
