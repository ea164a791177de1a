/**
 * The wire of {@code StowageHost}, the API inference hosts call on {@code POST /host}: what a host reads to route
 * (shared by the API, which writes it, and the hosts, which read it).
 */
@NullMarked
package dev.stowage.wire.hostapi;

import org.jspecify.annotations.NullMarked;
