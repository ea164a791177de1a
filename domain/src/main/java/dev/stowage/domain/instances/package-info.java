/**
 * The instance types Stowage supports: their hardware, what copies may use of it after the host's reserve, and
 * whether one copy's demand can ever fit one instance.
 */
@NullMarked
package dev.stowage.domain.instances;

import org.jspecify.annotations.NullMarked;
