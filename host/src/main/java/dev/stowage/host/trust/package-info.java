/**
 * How a host knows who is calling (ADR 23): the deployment's host key ring read from the control plane ({@link
 * dev.stowage.host.trust.KeySource}); peer requests and load gossip MACed with it ({@link
 * dev.stowage.host.trust.PeerSigner}, {@link dev.stowage.host.trust.PeerVerifier}: HMAC-SHA256 over method, path, time,
 * nonce and the body's digest, within a bounded clock skew, each signature accepted once); and invocations on the
 * runtime port let in only with the front's token or a client's SigV4 signature ({@link
 * dev.stowage.host.trust.InvocationGate}). Every refusal is an AWS error ({@link dev.stowage.wire.protocol.WireError}).
 */
@NullMarked
package dev.stowage.host.trust;

import org.jspecify.annotations.NullMarked;
