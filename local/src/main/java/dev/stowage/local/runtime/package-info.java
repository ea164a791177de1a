/** Local mode's runtime API: InvokeEndpoint routed to the copies on the in-process hosts. */
@NullMarked
package dev.stowage.local.runtime;

import org.jspecify.annotations.NullMarked;
