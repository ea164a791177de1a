/**
 * Routing: which copy of an inference component serves the next request (RANDOM or LEAST_OUTSTANDING_REQUESTS,
 * as the variant's {@code RoutingConfig} says, or Stowage's prefix-aware extension; adapter and prefix affinity, ADRs 29 and 32), and the outstanding-request counts it decides from. Pure: the
 * random generator and the counts are handed in.
 */
@NullMarked
package dev.stowage.domain.routing;

import org.jspecify.annotations.NullMarked;
