package dev.stowage.host.runtime;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/** A host without a Docker Engine: images are refused with how to start one. */
final class NoContainerEngine implements ContainerEngine {
    static final String HOW_TO_START = "Start one (on Debian or Ubuntu: apt-get install -y docker.io, then dockerd &;"
            + " or scripts/docker-engine start), or use stowage/echo, stowage/llm-sim or process:<command>.";

    private final String reason;

    NoContainerEngine(String reason) {
        this.reason = reason;
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.of(reason);
    }

    @Override
    public Set<String> removeOthers(String endpointName, String variantName, String instanceId, Set<String> keep) {
        return Set.of();
    }

    @Override
    public RunningModel start(Launch launch) throws IOException {
        throw new IOException(unavailable().orElseThrow());
    }
}
