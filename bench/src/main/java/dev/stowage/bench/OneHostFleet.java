package dev.stowage.bench;

import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.host.Assignment;
import dev.stowage.host.FleetPort;
import dev.stowage.wire.hostapi.HostKey;
import dev.stowage.wire.hostapi.HostKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The control plane of one benchmarked host, in memory: the benchmark assigns and removes copies, and the host's
 * reports move them as the fleet reactor would (loaded: LOADED; removed: gone). Failures are kept with their reason.
 */
final class OneHostFleet implements FleetPort {
    /** The token the benchmark's calls carry as API Gateway's integration would (ADR 23). */
    static final String FRONT_TOKEN = "bench-front-token";

    private static final HostKeys KEYS = new HostKeys(
            List.of(new HostKey("hk-bench", "YmVuY2gta2V5LW9mLTMyLWJ5dGVzLTAxMjM0NTY3ODk=")), List.of(FRONT_TOKEN));
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failed = new ConcurrentHashMap<>();

    @Override
    public HostKeys hostKeys(String endpointName, String variantName, String instanceId) {
        return KEYS;
    }

    synchronized void assign(Assignment copy) {
        assignments.put(copy.copyId(), copy);
    }

    synchronized void remove(String copyId) {
        Assignment a = assignments.get(copyId);
        if (a != null) {
            assignments.put(copyId, withState(a, Assignment.State.REMOVING));
        }
    }

    boolean isLoaded(String copyId) {
        return loaded.contains(copyId);
    }

    boolean isRemoved(String copyId) {
        return removed.contains(copyId);
    }

    /** Why {@code copyId} failed to load, or null. */
    String failure(String copyId) {
        return failed.get(copyId);
    }

    @Override
    public void register(
            String endpointName, String variantName, String instanceId, String address, Capacity capacity) {}

    @Override
    public void heartbeat(String endpointName, String variantName, String instanceId, Map<String, String> loading) {}

    @Override
    public synchronized List<Assignment> assignments(String endpointName, String variantName, String instanceId) {
        return List.copyOf(assignments.values());
    }

    @Override
    public void adapterLoaded(
            String endpointName, String variantName, String copyId, String adapterName, Instant specifiedAt) {}

    @Override
    public void adapterLoadFailed(
            String endpointName,
            String variantName,
            String copyId,
            String adapterName,
            Instant specifiedAt,
            String reason) {}

    @Override
    public void adapterUnloaded(String endpointName, String variantName, String copyId, String adapterName) {}

    @Override
    public synchronized void copyLoaded(String endpointName, String variantName, String copyId) {
        Assignment a = assignments.get(copyId);
        if (a != null && a.state() == Assignment.State.SCHEDULED) {
            assignments.put(copyId, withState(a, Assignment.State.LOADED));
        }
        loaded.add(copyId);
    }

    @Override
    public void copyFailed(String endpointName, String variantName, String copyId, String reason, String logTail) {
        failed.putIfAbsent(copyId, reason + (logTail.isBlank() ? "" : "\n" + logTail));
    }

    @Override
    public synchronized void copyRemoved(String endpointName, String variantName, String copyId) {
        assignments.remove(copyId);
        removed.add(copyId);
    }

    private static Assignment withState(Assignment a, Assignment.State state) {
        return new Assignment(
                a.copyId(),
                a.inferenceComponentName(),
                a.deviceIndices(),
                a.milliCores(),
                a.memoryMib(),
                state,
                a.specification());
    }
}
