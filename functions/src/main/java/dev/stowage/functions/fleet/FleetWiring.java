package dev.stowage.functions.fleet;

import dev.stowage.domain.alarms.AlarmStates;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.domain.fleet.InstanceProvider;
import dev.stowage.domain.fleet.InstanceReconciler;
import dev.stowage.domain.fleet.PlacementReactor;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.functions.cloudwatch.CloudWatchAlarmStates;
import dev.stowage.functions.config.DeploymentCatalog;
import dev.stowage.functions.config.Stores;
import java.time.Clock;

/**
 * The fleet side of one deployment, built once per Lambda container: the placement reactor and the instance
 * reconciler over the same stores, at real time.
 */
public record FleetWiring(Stores stores, InstanceTypeCatalog catalog, Clock clock) {

    public static FleetWiring fromEnvironment() {
        return new FleetWiring(Stores.fromEnvironment(), DeploymentCatalog.fromEnvironment(), Clock.systemUTC());
    }

    /** The placement reactor, reading the alarms of rolling updates from CloudWatch. */
    public PlacementReactor placement() {
        return placement(CloudWatchAlarmStates.fromEnvironment());
    }

    public PlacementReactor placement(AlarmStates alarms) {
        return new PlacementReactor(
                stores.events(),
                stores.snapshots(),
                stores.views(),
                stores.liveness(),
                catalog,
                stores.arns(),
                clock,
                FleetSettings.defaults(),
                alarms);
    }

    public InstanceReconciler instances(InstanceProvider provider) {
        return new InstanceReconciler(fleets(), provider, clock);
    }

    public FleetRepository fleets() {
        return new FleetRepository(stores.events(), stores.snapshots());
    }
}
