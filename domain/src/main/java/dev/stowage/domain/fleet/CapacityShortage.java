package dev.stowage.domain.fleet;

import java.time.Instant;

/** The provider's last refusal of an instance type for want of capacity: why, and when. */
public record CapacityShortage(String reason, Instant at) {}
