/**
 * The deployment's host key ring (ADR 23): made by the control plane the first time a host asks for it, rotated when
 * its current key is older than the rotation period (the previous key stays accepted), stored behind {@link
 * dev.stowage.functions.hostkeys.KeyRingStore} (the {@code views} table on AWS and in local mode), and handed to the
 * hosts with the front's tokens by {@code StowageHost.DescribeHostKeys}.
 */
@NullMarked
package dev.stowage.functions.hostkeys;

import org.jspecify.annotations.NullMarked;
