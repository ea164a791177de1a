/** The DynamoDB {@code events} table and the event store on it. */
@NullMarked
package dev.stowage.functions.store;

import org.jspecify.annotations.NullMarked;
