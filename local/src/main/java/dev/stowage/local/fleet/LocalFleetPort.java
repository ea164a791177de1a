package dev.stowage.local.fleet;

import dev.stowage.domain.fleet.CopyAssignment;
import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.fleet.FleetReports;
import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.functions.hostkeys.DeploymentKeys;
import dev.stowage.host.Assignment;
import dev.stowage.host.FleetPort;
import dev.stowage.wire.hostapi.HostKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * In-process hosts talk to the control plane directly: the same fleet commands the API would run, and the same
 * deployment keys ({@link DeploymentKeys}, the ring in the views table) it would hand out.
 */
public final class LocalFleetPort implements FleetPort {
    private final FleetReports reports;
    private final DeploymentKeys keys;

    public LocalFleetPort(FleetReports reports, DeploymentKeys keys) {
        this.reports = reports;
        this.keys = keys;
    }

    @Override
    public HostKeys hostKeys(String endpoint, String variant, String instanceId) {
        return keys.describe();
    }

    @Override
    public void register(String endpoint, String variant, String instanceId, String address, Capacity capacity) {
        reports.register(new FleetKey(endpoint, variant), instanceId, address, capacity);
    }

    @Override
    public void heartbeat(String endpoint, String variant, String instanceId, Map<String, String> loading) {
        reports.heartbeat(new FleetKey(endpoint, variant), instanceId, loading);
    }

    @Override
    public List<Assignment> assignments(String endpoint, String variant, String instanceId) {
        return reports.assignments(new FleetKey(endpoint, variant), instanceId).stream()
                .map(LocalFleetPort::assignment)
                .toList();
    }

    @Override
    public void copyLoaded(String endpoint, String variant, String copyId) {
        reports.copyLoaded(new FleetKey(endpoint, variant), copyId);
    }

    @Override
    public void adapterLoaded(String endpoint, String variant, String copyId, String adapterName, Instant specifiedAt) {
        reports.adapterLoaded(new FleetKey(endpoint, variant), copyId, adapterName, specifiedAt);
    }

    @Override
    public void adapterLoadFailed(
            String endpoint, String variant, String copyId, String adapterName, Instant specifiedAt, String reason) {
        reports.adapterLoadFailed(new FleetKey(endpoint, variant), copyId, adapterName, specifiedAt, reason);
    }

    @Override
    public void adapterUnloaded(String endpoint, String variant, String copyId, String adapterName) {
        reports.adapterUnloaded(new FleetKey(endpoint, variant), copyId, adapterName);
    }

    @Override
    public void copyFailed(String endpoint, String variant, String copyId, String reason, String logTail) {
        reports.copyFailed(new FleetKey(endpoint, variant), copyId, reason, logTail);
    }

    @Override
    public void copyRemoved(String endpoint, String variant, String copyId) {
        reports.copyRemoved(new FleetKey(endpoint, variant), copyId);
    }

    private static Assignment assignment(CopyAssignment given) {
        var copy = given.copy();
        return new Assignment(
                copy.copyId(),
                copy.inferenceComponentName(),
                copy.deviceIndices(),
                copy.milliCores(),
                copy.memoryMib(),
                switch (copy.status()) {
                    case SCHEDULED -> Assignment.State.SCHEDULED;
                    case LOADED -> Assignment.State.LOADED;
                    case REMOVING -> Assignment.State.REMOVING;
                },
                given.specification(),
                given.adapters());
    }
}
