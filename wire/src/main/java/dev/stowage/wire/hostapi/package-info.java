/**
 * The wire of {@code StowageHost}, the API inference hosts call on {@code POST /host}: what a host reads to route and
 * the keys it trusts its peers by (shared by the API, which writes them, and the hosts, which read them).
 */
@NullMarked
package dev.stowage.wire.hostapi;

import org.jspecify.annotations.NullMarked;
