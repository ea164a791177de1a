package dev.stowage.domain.fleet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of an inference component on an instance, as the fleet stream tells it: why it was put there, which
 * specification it runs (the component's specification time when it was scheduled), and the adapter inference
 * components its runtime has registered, each at the specification time it was loaded with.
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
        Map<String, Instant> adapters) {

    public enum Status {
        SCHEDULED,
        LOADED,
        REMOVING
    }

    public FleetCopyRecord {
        deviceIndices = List.copyOf(deviceIndices);
        // A snapshot written before adapters were loaded has none.
        adapters = adapters == null ? Map.of() : Map.copyOf(adapters);
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
                Map.of());
    }

    /** Whether the copy's runtime has {@code adapter} loaded at the specification of {@code specifiedAt}. */
    public boolean hasAdapter(String adapter, Instant specifiedAt) {
        return specifiedAt.equals(adapters.get(adapter));
    }

    FleetCopyRecord withAdapter(String adapter, Instant adapterSpecifiedAt) {
        Map<String, Instant> more = new LinkedHashMap<>(adapters);
        more.put(adapter, adapterSpecifiedAt);
        return withAdapters(more);
    }

    FleetCopyRecord withoutAdapter(String adapter) {
        Map<String, Instant> fewer = new LinkedHashMap<>(adapters);
        fewer.remove(adapter);
        return withAdapters(fewer);
    }

    private FleetCopyRecord withAdapters(Map<String, Instant> next) {
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
                next);
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
                adapters);
    }
}
