/** The inference host agent (DESIGN §6); it grows with the placement issue. */
@NullMarked
package dev.stowage.host;

import org.jspecify.annotations.NullMarked;
