package dev.stowage.domain.fleet;

import java.time.Instant;
import java.util.List;

/**
 * A copy of an inference component on an instance, as the fleet stream tells it: why it was put there, and which
 * specification it runs (the component's specification time when it was scheduled).
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
        Instant specifiedAt) {

    public enum Status {
        SCHEDULED,
        LOADED,
        REMOVING
    }

    public FleetCopyRecord {
        deviceIndices = List.copyOf(deviceIndices);
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
                specifiedAt);
    }
}
