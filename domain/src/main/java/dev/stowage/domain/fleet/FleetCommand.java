package dev.stowage.domain.fleet;

import dev.stowage.domain.placement.Plan;
import dev.stowage.events.FleetEvent.Capacity;
import java.time.Instant;
import java.util.Map;

/** What placement, hosts and the liveness reaper ask of a fleet. */
public sealed interface FleetCommand {

    /**
     * Record a placement plan made on the fleet at the version it is appended at. A component blocked before and not
     * blocked by this plan is unblocked. {@code specifiedAt} tells, per component, which specification its new copies
     * run.
     */
    record ApplyPlan(Plan plan, Map<String, Instant> specifiedAt, Instant at) implements FleetCommand {}

    /** The provider could not launch a requested instance for want of capacity of its type. */
    record ReportLaunchFailed(String instanceId, String reason, Instant at) implements FleetCommand {}

    record RegisterInstance(String instanceId, String address, Capacity capacity, Instant at) implements FleetCommand {}

    record DeclareInstanceLost(String instanceId, String why, Instant at) implements FleetCommand {}

    record ReportCopyLoaded(String copyId, Instant at) implements FleetCommand {}

    /** The copy's runtime registered the adapter inference component at the specification of {@code specifiedAt}. */
    record ReportAdapterLoaded(String copyId, String adapterName, Instant specifiedAt, Instant at)
            implements FleetCommand {}

    /** The copy's runtime unregistered the adapter inference component. */
    record ReportAdapterUnloaded(String copyId, String adapterName, Instant at) implements FleetCommand {}

    /** The copy's runtime could not register the adapter inference component at that specification, try after try. */
    record ReportAdapterLoadFailed(String copyId, String adapterName, Instant specifiedAt, String reason, Instant at)
            implements FleetCommand {}

    record ReportCopyFailed(String copyId, String reason, String logTail, Instant at) implements FleetCommand {}

    record ReportCopyRemoved(String copyId, Instant at) implements FleetCommand {}
}
