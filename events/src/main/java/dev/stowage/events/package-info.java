/**
 * The event vocabulary: one sealed interface per stream type, records for the facts, the envelope that
 * carries technical metadata, and the JSON codec with stable stored type names and upcasters.
 */
@NullMarked
package dev.stowage.events;

import org.jspecify.annotations.NullMarked;
