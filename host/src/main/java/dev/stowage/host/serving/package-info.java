/**
 * The runtime API of a host (DESIGN §6.4): {@code InvokeEndpoint} and {@code InvokeEndpointWithResponseStream}
 * served by every host (and by local mode's front door), routed to a copy on this host or a peer, with outstanding
 * requests shared between hosts (ADR 11).
 */
@NullMarked
package dev.stowage.host.serving;

import org.jspecify.annotations.NullMarked;
