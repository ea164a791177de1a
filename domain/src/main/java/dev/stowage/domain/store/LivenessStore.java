package dev.stowage.domain.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Heartbeats of inference hosts. They are not events (DESIGN §3): only the latest matters, and a host beats
 * every few seconds. A reaper turns silence into {@code InstanceLost}. Safe for concurrent use.
 */
public interface LivenessStore {

    void beat(String fleetStream, String instanceId, Instant at);

    Optional<Instant> lastBeat(String fleetStream, String instanceId);
}
