/** The metrics port and its in-memory adapter, and the instance reservation metrics. */
@NullMarked
package dev.stowage.host.metrics;

import org.jspecify.annotations.NullMarked;
