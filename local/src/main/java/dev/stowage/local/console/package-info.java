/**
 * Local mode's read-only console under {@code GET /stowage/…} on the loopback port: the placement page, the metrics
 * and their statistics, the dashboards the control plane made, and the copies' logs.
 */
@NullMarked
package dev.stowage.local.console;

import org.jspecify.annotations.NullMarked;
