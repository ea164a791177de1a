/** Local mode: the {@code stowage} command, run in one JVM with no AWS account. */
@NullMarked
package dev.stowage.local;

import org.jspecify.annotations.NullMarked;
