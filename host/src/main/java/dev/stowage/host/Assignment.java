package dev.stowage.host;

import dev.stowage.domain.fleet.CopyAdapter;
import dev.stowage.events.Document;
import java.util.List;

/**
 * A copy the control plane has put on this instance. {@code specification} is its inference component's
 * {@code Specification} (container image, artifact, environment, startup parameters); {@code deviceIndices}
 * are the accelerator devices it may use, and no other copy holds them; {@code adapters} are the adapter inference
 * components its runtime is to have registered.
 */
public record Assignment(
        String copyId,
        String inferenceComponentName,
        List<Integer> deviceIndices,
        long milliCores,
        long memoryMib,
        State state,
        Document specification,
        List<CopyAdapter> adapters) {

    public enum State {
        /** To be loaded: fetch the artifact, start the runtime, report loaded or failed. */
        SCHEDULED,
        /** Serving. */
        LOADED,
        /** To be removed: stop routing to it, drain, stop it, report removed. */
        REMOVING
    }

    public Assignment {
        deviceIndices = List.copyOf(deviceIndices);
        adapters = List.copyOf(adapters);
    }

    /** A copy with no adapters. */
    public Assignment(
            String copyId,
            String inferenceComponentName,
            List<Integer> deviceIndices,
            long milliCores,
            long memoryMib,
            State state,
            Document specification) {
        this(copyId, inferenceComponentName, deviceIndices, milliCores, memoryMib, state, specification, List.of());
    }
}
