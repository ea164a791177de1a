package dev.stowage.events.codec;

import dev.stowage.events.CopyCountCause;
import dev.stowage.events.EndpointConfigEvent;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.FleetEvent;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import dev.stowage.events.ScalingEvent;
import java.util.List;

/**
 * The registry of stored event types and their upcasters. Renaming a stored type or changing a record's
 * JSON shape needs a new schema version here, an upcaster from the old one, and a golden file for each.
 */
public final class EventTypes {

    /** Every event record with its stored name and current schema version. */
    public static final List<EventType> ALL = List.of(
            new EventType("model.created", 1, ModelEvent.Created.class),
            new EventType("model.deleted", 1, ModelEvent.Deleted.class),
            new EventType("endpoint-config.created", 1, EndpointConfigEvent.Created.class),
            new EventType("endpoint-config.deleted", 1, EndpointConfigEvent.Deleted.class),
            new EventType("endpoint.created", 1, EndpointEvent.Created.class),
            new EventType("endpoint.in-service", 1, EndpointEvent.InService.class),
            new EventType("endpoint.updated", 1, EndpointEvent.Updated.class),
            new EventType("endpoint.failed", 1, EndpointEvent.Failed.class),
            new EventType("endpoint.inference-component-added", 1, EndpointEvent.InferenceComponentAdded.class),
            new EventType("endpoint.deletion-started", 1, EndpointEvent.DeletionStarted.class),
            new EventType("endpoint.deleted", 1, EndpointEvent.Deleted.class),
            new EventType("inference-component.created", 1, InferenceComponentEvent.Created.class),
            new EventType(
                    "inference-component.specification-updated", 1, InferenceComponentEvent.SpecificationUpdated.class),
            new EventType(
                    "inference-component.deployment-configured", 1, InferenceComponentEvent.DeploymentConfigured.class),
            new EventType("inference-component.update-rolled-back", 1, InferenceComponentEvent.UpdateRolledBack.class),
            new EventType(
                    "inference-component.desired-copy-count-set", 2, InferenceComponentEvent.DesiredCopyCountSet.class),
            new EventType("inference-component.in-service", 1, InferenceComponentEvent.InService.class),
            new EventType("inference-component.failed", 1, InferenceComponentEvent.Failed.class),
            new EventType("inference-component.adapter-attached", 1, InferenceComponentEvent.AdapterAttached.class),
            new EventType("inference-component.deletion-started", 1, InferenceComponentEvent.DeletionStarted.class),
            new EventType("inference-component.deleted", 1, InferenceComponentEvent.Deleted.class),
            new EventType("fleet.instance-requested", 2, FleetEvent.InstanceRequested.class),
            new EventType("fleet.instance-registered", 1, FleetEvent.InstanceRegistered.class),
            new EventType("fleet.instance-lost", 1, FleetEvent.InstanceLost.class),
            new EventType("fleet.instance-launch-failed", 1, FleetEvent.InstanceLaunchFailed.class),
            new EventType("fleet.instance-drain-started", 1, FleetEvent.InstanceDrainStarted.class),
            new EventType("fleet.instance-retired", 1, FleetEvent.InstanceRetired.class),
            new EventType("fleet.copy-scheduled", 2, FleetEvent.CopyScheduled.class),
            new EventType("fleet.copy-loaded", 1, FleetEvent.CopyLoaded.class),
            new EventType("fleet.adapter-loaded", 1, FleetEvent.AdapterLoaded.class),
            new EventType("fleet.adapter-unloaded", 1, FleetEvent.AdapterUnloaded.class),
            new EventType("fleet.adapter-load-failed", 1, FleetEvent.AdapterLoadFailed.class),
            new EventType("fleet.copy-failed", 1, FleetEvent.CopyFailed.class),
            new EventType("fleet.copy-removal-scheduled", 1, FleetEvent.CopyRemovalScheduled.class),
            new EventType("fleet.copy-removed", 1, FleetEvent.CopyRemoved.class),
            new EventType("fleet.placement-blocked", 1, FleetEvent.PlacementBlocked.class),
            new EventType("scalable-target.registered", 1, ScalingEvent.ScalableTargetRegistered.class),
            new EventType("scalable-target.updated", 1, ScalingEvent.ScalableTargetUpdated.class),
            new EventType("scalable-target.deregistered", 1, ScalingEvent.ScalableTargetDeregistered.class),
            new EventType("scalable-target.policy-put", 1, ScalingEvent.ScalingPolicyPut.class),
            new EventType("scalable-target.policy-deleted", 1, ScalingEvent.ScalingPolicyDeleted.class),
            new EventType("scalable-target.activity-recorded", 1, ScalingEvent.ScalingActivityRecorded.class),
            new EventType("scalable-target.activity-completed", 1, ScalingEvent.ScalingActivityCompleted.class));

    /** Every upcaster, each lifting one type by one version. */
    public static final List<Upcaster> UPCASTERS = List.of(
            // v1 predates autoscaling: every copy count then came from the API.
            new Upcaster(
                    "inference-component.desired-copy-count-set",
                    1,
                    json -> json.put("cause", CopyCountCause.API.name())),
            // v1 did not say which specification a copy runs; take its scheduling time, the best it knew.
            new Upcaster(
                    "fleet.copy-scheduled",
                    1,
                    json -> json.put("specifiedAt", json.get("at").asText())),
            // v1 predates zones: its instance was asked for in the fleet's one, unknown zone.
            new Upcaster("fleet.instance-requested", 1, json -> json.put("zone", "")));

    private EventTypes() {}
}
