/**
 * Placement and managed instance scaling: a pure, deterministic function from the fleet's state, the desired
 * copies of each inference component and the scaling bounds to decisions, each with its reason (DESIGN §4).
 */
@NullMarked
package dev.stowage.domain.placement;

import org.jspecify.annotations.NullMarked;
