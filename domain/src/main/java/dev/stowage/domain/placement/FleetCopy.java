package dev.stowage.domain.placement;

import java.util.List;
import java.util.Optional;

/**
 * One copy of an inference component on an instance. Every copy, whatever its state, occupies its devices,
 * cores and memory until it is gone from the fleet.
 *
 * @param replaces the copy this one replaces when it was scheduled to move a copy (make before break): the
 *     original is removed only once this one is {@code LOADED}
 */
public record FleetCopy(
        String copyId,
        String inferenceComponent,
        String instanceId,
        List<Integer> deviceIndices,
        Resources resources,
        State state,
        Optional<String> replaces) {

    public enum State {
        /** Assigned to its instance, not yet serving. */
        SCHEDULED,
        /** Serving. */
        LOADED,
        /** Being stopped; still holds its resources. */
        REMOVING
    }

    public FleetCopy {
        deviceIndices = List.copyOf(deviceIndices);
    }

    public boolean live() {
        return state != State.REMOVING;
    }
}
