/**
 * The stored form of events: stable type names, schema versions, the JSON codec and the upcasters that
 * lift older stored versions to the current records.
 */
@NullMarked
package dev.stowage.events.codec;

import org.jspecify.annotations.NullMarked;
