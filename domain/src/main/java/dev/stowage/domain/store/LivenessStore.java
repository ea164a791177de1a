package dev.stowage.domain.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Heartbeats of inference hosts. They are not events (DESIGN §3): only the latest matters, and a host beats
 * every few seconds. A reaper turns silence into {@code InstanceLost}. A beat also says how far the host's loading
 * copies have come ({@code pulling <image>: 312 of 1,840 MiB}), for Describe to show while they load. Safe for
 * concurrent use.
 */
public interface LivenessStore {

    /** A beat at {@code at}; {@code loading} is each loading copy's progress, by copy id (replacing the last beat's). */
    void beat(String fleetStream, String instanceId, Instant at, Map<String, String> loading);

    default void beat(String fleetStream, String instanceId, Instant at) {
        beat(fleetStream, instanceId, at, Map.of());
    }

    Optional<Instant> lastBeat(String fleetStream, String instanceId);

    /** The progress of the instance's loading copies as its last beat told it, by copy id. */
    Map<String, String> loading(String fleetStream, String instanceId);
}
