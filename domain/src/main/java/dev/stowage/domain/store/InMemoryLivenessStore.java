package dev.stowage.domain.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Heartbeats in memory, for tests and single-process use. */
public final class InMemoryLivenessStore implements LivenessStore {
    private record Beat(Instant at, Map<String, String> loading) {}

    private final Map<String, Beat> beats = new ConcurrentHashMap<>();

    @Override
    public void beat(String fleetStream, String instanceId, Instant at, Map<String, String> loading) {
        beats.merge(
                fleetStream + "#" + instanceId,
                new Beat(at, Map.copyOf(loading)),
                (old, next) -> old.at().isAfter(next.at()) ? old : next);
    }

    @Override
    public Optional<Instant> lastBeat(String fleetStream, String instanceId) {
        return Optional.ofNullable(beats.get(fleetStream + "#" + instanceId)).map(Beat::at);
    }

    @Override
    public Map<String, String> loading(String fleetStream, String instanceId) {
        return Optional.ofNullable(beats.get(fleetStream + "#" + instanceId))
                .map(Beat::loading)
                .orElse(Map.of());
    }
}
