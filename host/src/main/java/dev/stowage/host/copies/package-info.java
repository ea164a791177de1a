/** The copies on this host: the routing table the runtime API reads, artifact fetching and copy logs. */
@NullMarked
package dev.stowage.host.copies;

import org.jspecify.annotations.NullMarked;
