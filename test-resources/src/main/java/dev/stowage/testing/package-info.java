/** Shared test support: DynamoDB Local, the event-store conformance suite and fixtures. */
@NullMarked
package dev.stowage.testing;

import org.jspecify.annotations.NullMarked;
