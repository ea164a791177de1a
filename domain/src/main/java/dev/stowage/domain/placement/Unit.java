package dev.stowage.domain.placement;

import java.util.Optional;

/**
 * One copy as the desired count sees it: a copy that serves (or will), plus the replacement scheduled to take
 * its place while a move is under way. The pair counts once.
 */
record Unit(FleetCopy primary, Optional<FleetCopy> replacement) {}
