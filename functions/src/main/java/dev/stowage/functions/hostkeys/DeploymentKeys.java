package dev.stowage.functions.hostkeys;

import dev.stowage.wire.hostapi.HostKeys;
import java.util.List;

/**
 * What {@code StowageHost.DescribeHostKeys} answers: the host key ring, and the tokens the deployment's front (API
 * Gateway's runtime integration) sends to hosts with every invocation — from the stack's secret on AWS, none in local
 * mode.
 */
public record DeploymentKeys(HostKeyRing ring, List<String> frontTokens) {

    public DeploymentKeys {
        frontTokens = List.copyOf(frontTokens);
    }

    public HostKeys describe() {
        return new HostKeys(ring.keys(), frontTokens);
    }
}
