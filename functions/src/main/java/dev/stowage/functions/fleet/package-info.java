/** The fleet's Lambda handlers and adapters: the placement reactor, instance reconciliation, host liveness. */
@NullMarked
package dev.stowage.functions.fleet;

import org.jspecify.annotations.NullMarked;
