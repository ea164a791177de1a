/**
 * The bottom of the application layer: the event, snapshot and liveness store ports with their in-memory versions,
 * stream ids, the service that runs commands through deciders, and the one retry policy for lost races.
 */
@NullMarked
package dev.stowage.domain.store;

import org.jspecify.annotations.NullMarked;
