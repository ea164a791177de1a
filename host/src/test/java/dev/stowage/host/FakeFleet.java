package dev.stowage.host;

import dev.stowage.domain.fleet.CopyAdapter;
import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.host.trust.TestKeys;
import dev.stowage.wire.hostapi.HostKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory control plane for one host: records every call, lets the test set assignments, and moves a copy to
 * LOADED when it is reported loaded and drops it when it is reported removed, as the fleet reactor would.
 */
final class FakeFleet implements FleetPort {
    record Registration(String endpoint, String variant, String instanceId, String address, Capacity capacity) {}

    record Failure(String reason, String logTail) {}

    final List<Registration> registrations = new ArrayList<>();
    final AtomicInteger heartbeats = new AtomicInteger();
    volatile Map<String, String> lastLoading = Map.of();
    final List<String> loaded = new ArrayList<>();
    final Map<String, Failure> failed = new LinkedHashMap<>();
    final List<String> removed = new ArrayList<>();
    /** Adapter loads reported, as {@code copy/adapter@specifiedAt}, in order. */
    final List<String> adaptersLoaded = new ArrayList<>();

    private final Map<String, Assignment> assignments = new LinkedHashMap<>();

    synchronized void assign(Assignment copy) {
        assignments.put(copy.copyId(), copy);
    }

    synchronized void setState(String copyId, Assignment.State state) {
        Assignment a = assignments.get(copyId);
        assignments.put(
                copyId,
                new Assignment(
                        a.copyId(),
                        a.inferenceComponentName(),
                        a.deviceIndices(),
                        a.milliCores(),
                        a.memoryMib(),
                        state,
                        a.specification(),
                        a.adapters()));
    }

    /** The copy's assignment now lists {@code adapters}, as the control plane would once they changed. */
    synchronized void setAdapters(String copyId, List<CopyAdapter> adapters) {
        Assignment a = assignments.get(copyId);
        assignments.put(
                copyId,
                new Assignment(
                        a.copyId(),
                        a.inferenceComponentName(),
                        a.deviceIndices(),
                        a.milliCores(),
                        a.memoryMib(),
                        a.state(),
                        a.specification(),
                        adapters));
    }

    synchronized void unassign(String copyId) {
        assignments.remove(copyId);
    }

    synchronized boolean wasLoaded(String copyId) {
        return loaded.contains(copyId);
    }

    synchronized boolean wasRemoved(String copyId) {
        return removed.contains(copyId);
    }

    synchronized Failure failure(String copyId) {
        return failed.get(copyId);
    }

    synchronized int reports() {
        return loaded.size() + failed.size() + removed.size();
    }

    @Override
    public synchronized void register(
            String endpointName, String variantName, String instanceId, String address, Capacity capacity) {
        registrations.add(new Registration(endpointName, variantName, instanceId, address, capacity));
    }

    @Override
    public void heartbeat(String endpointName, String variantName, String instanceId, Map<String, String> loading) {
        heartbeats.incrementAndGet();
        lastLoading = Map.copyOf(loading);
    }

    @Override
    public synchronized List<Assignment> assignments(String endpointName, String variantName, String instanceId) {
        return List.copyOf(assignments.values());
    }

    @Override
    public synchronized void copyLoaded(String endpointName, String variantName, String copyId) {
        loaded.add(copyId);
        if (assignments.containsKey(copyId) && assignments.get(copyId).state() == Assignment.State.SCHEDULED) {
            setState(copyId, Assignment.State.LOADED);
        }
    }

    @Override
    public synchronized void adapterLoaded(
            String endpointName, String variantName, String copyId, String adapterName, Instant specifiedAt) {
        adaptersLoaded.add(copyId + "/" + adapterName + "@" + specifiedAt);
    }

    @Override
    public synchronized void adapterLoadFailed(
            String endpointName,
            String variantName,
            String copyId,
            String adapterName,
            Instant specifiedAt,
            String reason) {
        adaptersLoaded.add(copyId + "/" + adapterName + "@" + specifiedAt + " failed: " + reason);
    }

    @Override
    public synchronized void adapterUnloaded(
            String endpointName, String variantName, String copyId, String adapterName) {
        adaptersLoaded.add(copyId + "/" + adapterName + " unloaded");
    }

    synchronized List<String> adaptersLoaded() {
        return List.copyOf(adaptersLoaded);
    }

    @Override
    public synchronized void copyFailed(
            String endpointName, String variantName, String copyId, String reason, String logTail) {
        failed.put(copyId, new Failure(reason, logTail));
    }

    @Override
    public HostKeys hostKeys(String endpointName, String variantName, String instanceId) {
        return TestKeys.KEYS;
    }

    @Override
    public synchronized void copyRemoved(String endpointName, String variantName, String copyId) {
        removed.add(copyId);
        assignments.remove(copyId);
    }
}
