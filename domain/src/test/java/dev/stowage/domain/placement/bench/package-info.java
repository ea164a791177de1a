/** Packing figures: generated workloads, the first-fit-decreasing baseline and the lower bound. */
@NullMarked
package dev.stowage.domain.placement.bench;

import org.jspecify.annotations.NullMarked;
