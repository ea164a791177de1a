/** Local mode's fleet: in-process inference hosts started by a local instance provider. */
@NullMarked
package dev.stowage.local.fleet;

import org.jspecify.annotations.NullMarked;
