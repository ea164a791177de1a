package dev.stowage.domain.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Heartbeats in memory, for tests and single-process use. */
public final class InMemoryLivenessStore implements LivenessStore {
    private final Map<String, Instant> beats = new ConcurrentHashMap<>();

    @Override
    public void beat(String fleetStream, String instanceId, Instant at) {
        beats.merge(fleetStream + "#" + instanceId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public Optional<Instant> lastBeat(String fleetStream, String instanceId) {
        return Optional.ofNullable(beats.get(fleetStream + "#" + instanceId));
    }
}
