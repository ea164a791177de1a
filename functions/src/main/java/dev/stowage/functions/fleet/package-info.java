/** The fleet's Lambda handlers: the placement reactor, instance reconciliation and the periodic tick. */
@NullMarked
package dev.stowage.functions.fleet;

import org.jspecify.annotations.NullMarked;
