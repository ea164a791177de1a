/**
 * The DynamoDB adapters: the {@code events} table behind the event store, the {@code views} table behind the view,
 * snapshot and liveness stores, and the wake-ups its stream records are.
 */
@NullMarked
package dev.stowage.functions.dynamodb;

import org.jspecify.annotations.NullMarked;
