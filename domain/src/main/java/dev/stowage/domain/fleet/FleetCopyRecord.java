package dev.stowage.domain.fleet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of an inference component on an instance, as the fleet stream tells it: why it was put there, which
 * specification it runs (the component's specification time when it was scheduled), the adapter inference
 * components its runtime has registered, each at the specification time it was loaded with, and those it could not.
 */
public record FleetCopyRecord(
        String copyId,
        String inferenceComponentName,
        String instanceId,
        List<Integer> deviceIndices,
        long milliCores,
        long memoryMib,
        String replaces,
        Status status,
        Instant since,
        String why,
        Instant specifiedAt,
        Map<String, Instant> adapters,
        Map<String, AdapterFailure> adapterFailures) {

    /** An adapter the copy's runtime could not load at the specification of {@code specifiedAt}, and why. */
    public record AdapterFailure(Instant specifiedAt, String reason) {}

    public enum Status {
        SCHEDULED,
        LOADED,
        REMOVING
    }

    public FleetCopyRecord {
        deviceIndices = List.copyOf(deviceIndices);
        // A snapshot written before adapters were loaded has none.
        adapters = adapters == null ? Map.of() : Map.copyOf(adapters);
        adapterFailures = adapterFailures == null ? Map.of() : Map.copyOf(adapterFailures);
    }

    /** A copy with no adapter loaded yet. */
    public FleetCopyRecord(
            String copyId,
            String inferenceComponentName,
            String instanceId,
            List<Integer> deviceIndices,
            long milliCores,
            long memoryMib,
            String replaces,
            Status status,
            Instant since,
            String why,
            Instant specifiedAt) {
        this(
                copyId,
                inferenceComponentName,
                instanceId,
                deviceIndices,
                milliCores,
                memoryMib,
                replaces,
                status,
                since,
                why,
                specifiedAt,
                Map.of(),
                Map.of());
    }

    /** Whether the copy's runtime has {@code adapter} loaded at the specification of {@code specifiedAt}. */
    public boolean hasAdapter(String adapter, Instant specifiedAt) {
        return specifiedAt.equals(adapters.get(adapter));
    }

    /** Whether the copy's runtime could not load {@code adapter} at the specification of {@code specifiedAt}. */
    public boolean adapterFailed(String adapter, Instant specifiedAt) {
        AdapterFailure failure = adapterFailures.get(adapter);
        return failure != null && failure.specifiedAt().equals(specifiedAt);
    }

    FleetCopyRecord withAdapter(String adapter, Instant adapterSpecifiedAt) {
        Map<String, Instant> more = new LinkedHashMap<>(adapters);
        more.put(adapter, adapterSpecifiedAt);
        Map<String, AdapterFailure> fewer = new LinkedHashMap<>(adapterFailures);
        fewer.remove(adapter);
        return withAdapters(more, fewer);
    }

    FleetCopyRecord withoutAdapter(String adapter) {
        Map<String, Instant> fewer = new LinkedHashMap<>(adapters);
        fewer.remove(adapter);
        Map<String, AdapterFailure> fewerFailures = new LinkedHashMap<>(adapterFailures);
        fewerFailures.remove(adapter);
        return withAdapters(fewer, fewerFailures);
    }

    FleetCopyRecord withAdapterFailure(String adapter, AdapterFailure failure) {
        Map<String, AdapterFailure> more = new LinkedHashMap<>(adapterFailures);
        more.put(adapter, failure);
        return withAdapters(adapters, more);
    }

    private FleetCopyRecord withAdapters(Map<String, Instant> next, Map<String, AdapterFailure> nextFailures) {
        return new FleetCopyRecord(
                copyId,
                inferenceComponentName,
                instanceId,
                deviceIndices,
                milliCores,
                memoryMib,
                replaces,
                status,
                since,
                why,
                specifiedAt,
                next,
                nextFailures);
    }

    FleetCopyRecord with(Status next, Instant when) {
        return new FleetCopyRecord(
                copyId,
                inferenceComponentName,
                instanceId,
                deviceIndices,
                milliCores,
                memoryMib,
                replaces,
                next,
                when,
                why,
                specifiedAt,
                adapters,
                adapterFailures);
    }
}
