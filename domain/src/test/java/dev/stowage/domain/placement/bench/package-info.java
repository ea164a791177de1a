/**
 * Packing figures: generated workloads, the first-fit-decreasing baseline and the lower bound; churn replayed on a
 * simulated fleet of priced instance types, and scarcity of a pool.
 */
@NullMarked
package dev.stowage.domain.placement.bench;

import org.jspecify.annotations.NullMarked;
