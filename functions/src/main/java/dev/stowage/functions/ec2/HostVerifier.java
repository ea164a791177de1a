package dev.stowage.functions.ec2;

import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.wire.protocol.Caller;

/**
 * Whether the caller of a host operation is the instance it reports for. On AWS the instance role's session names
 * the EC2 instance, whose tags name its fleet and Stowage instance id; locally the hosts run in the same process, or
 * sign with local mode's own credentials, and are trusted.
 */
@FunctionalInterface
public interface HostVerifier {
    HostVerifier TRUSTING = (caller, fleet, instanceId) -> {};

    /**
     * @throws dev.stowage.wire.protocol.WireException {@code AccessDeniedException} (403) when the caller is not
     *     instance {@code instanceId} of {@code fleet}
     */
    void verify(Caller caller, FleetKey fleet, String instanceId);
}
