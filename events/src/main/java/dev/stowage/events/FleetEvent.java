package dev.stowage.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Facts on a {@code fleet/<endpoint>/<variant>} stream: the single authority for which instances serve a
 * variant and which copy holds which resources where. Every decision is appended conditionally on the
 * stream's version, so two placers can never both hand out the same device.
 */
public sealed interface FleetEvent extends Event {

    /** What one instance offers to copies: its allocatable share after the host's reserve. */
    record Capacity(long milliCores, long memoryMib, int acceleratorDevices) {}

    /**
     * Placement asked the instance provider for one more instance; {@code why} says what needed it. {@code zone} is
     * the availability zone placement asked it in, or empty when the fleet's zones are unknown (one zone).
     */
    record InstanceRequested(String instanceId, String instanceType, String zone, String why, Instant at)
            implements FleetEvent {
        /** An instance of a fleet whose zones are unknown. */
        public InstanceRequested(String instanceId, String instanceType, String why, Instant at) {
            this(instanceId, instanceType, "", why, at);
        }
    }

    /** The instance's host started and reported what it can offer; it can now be given copies. */
    record InstanceRegistered(String instanceId, String address, Capacity capacity, Instant at) implements FleetEvent {}

    /** The instance stopped heartbeating (or never came up); its copies are gone with it. */
    record InstanceLost(String instanceId, String why, Instant at) implements FleetEvent {}

    /**
     * The provider could not launch the requested instance for want of capacity of its type (EC2's {@code
     * InsufficientInstanceCapacity}, or no registration within the variant's {@code
     * VariantInstanceProvisionTimeoutInSeconds}); {@code reason} says which. The instance is gone, and placement looks
     * to the variant's next instance pool for a while.
     */
    record InstanceLaunchFailed(String instanceId, String instanceType, String reason, Instant at)
            implements FleetEvent {}

    /** The instance takes no new copies; its copies are moved away before it is retired. */
    record InstanceDrainStarted(String instanceId, String why, Instant at) implements FleetEvent {}

    /** The instance is given back to the provider. */
    record InstanceRetired(String instanceId, String why, Instant at) implements FleetEvent {}

    /**
     * A copy of an inference component is assigned to an instance with these devices and resources. {@code
     * replaces} names the copy it will replace once loaded (a move), or is empty. {@code specifiedAt} names the
     * specification the copy runs: the time the component's specification was last set, as its stream says.
     */
    record CopyScheduled(
            String inferenceComponentName,
            String copyId,
            String instanceId,
            List<Integer> deviceIndices,
            long milliCores,
            long memoryMib,
            String replaces,
            String why,
            Instant specifiedAt,
            Instant at)
            implements FleetEvent {
        public CopyScheduled {
            deviceIndices = List.copyOf(deviceIndices);
        }

        public Optional<String> replacement() {
            return replaces.isEmpty() ? Optional.empty() : Optional.of(replaces);
        }
    }

    /** The copy's runtime answered its health check: it serves. */
    record CopyLoaded(String copyId, Instant at) implements FleetEvent {}

    /**
     * The copy's runtime registered the adapter inference component {@code adapterName} at its specification of
     * {@code specifiedAt} (its container's {@code POST /adapters} answered), before or after the copy loaded: invoking
     * the adapter may be routed to the copy from now on.
     */
    record AdapterLoaded(String copyId, String adapterName, Instant specifiedAt, Instant at) implements FleetEvent {}

    /**
     * The copy's runtime unregistered the adapter inference component {@code adapterName} (its container's {@code DELETE
     * /adapters/{name}} answered), the adapter being deleted: invoking it is no longer routed to the copy.
     */
    record AdapterUnloaded(String copyId, String adapterName, Instant at) implements FleetEvent {}

    /**
     * The copy's runtime could not register the adapter inference component {@code adapterName} at its specification of
     * {@code specifiedAt}, try after try; {@code reason} is the last answer. The adapter fails with it.
     */
    record AdapterLoadFailed(String copyId, String adapterName, Instant specifiedAt, String reason, Instant at)
            implements FleetEvent {}

    /**
     * The copy could not start, or its runtime ended by itself after it served (an exit, an OOM kill); {@code logTail}
     * is the end of its log. Its resources are free again, and placement replaces it.
     */
    record CopyFailed(String copyId, String reason, String logTail, Instant at) implements FleetEvent {}

    /** The copy is to stop: routing stops, in-flight requests drain, then the runtime stops. */
    record CopyRemovalScheduled(String copyId, String why, Instant at) implements FleetEvent {}

    /** The copy has stopped and its resources are free. */
    record CopyRemoved(String copyId, Instant at) implements FleetEvent {}

    /**
     * Copies of an inference component cannot be placed now; {@code why} says what is missing. An empty {@code
     * why} says it is no longer blocked.
     */
    record PlacementBlocked(String inferenceComponentName, String why, Instant at) implements FleetEvent {}
}
