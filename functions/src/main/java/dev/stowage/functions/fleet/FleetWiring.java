package dev.stowage.functions.fleet;

import dev.stowage.domain.alarms.AlarmStates;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.domain.fleet.FleetVariants;
import dev.stowage.domain.fleet.InstanceProvider;
import dev.stowage.domain.fleet.InstanceReconciler;
import dev.stowage.domain.fleet.PlacementReactor;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.functions.cloudwatch.CloudWatchAlarmStates;
import dev.stowage.functions.config.DeploymentCatalog;
import dev.stowage.functions.config.Environment;
import dev.stowage.functions.config.Stores;
import dev.stowage.functions.ec2.HostSubnet;
import java.time.Clock;
import java.util.List;

/**
 * The fleet side of one deployment, built once per Lambda container: the placement reactor and the instance
 * reconciler over the same stores, at real time, with placement balancing new instances over {@code zones} (those
 * of the host subnets; none when unknown).
 */
public record FleetWiring(Stores stores, InstanceTypeCatalog catalog, Clock clock, List<String> zones) {

    public FleetWiring {
        zones = List.copyOf(zones);
    }

    public static FleetWiring fromEnvironment() {
        return new FleetWiring(
                Stores.fromEnvironment(),
                DeploymentCatalog.fromEnvironment(),
                Clock.systemUTC(),
                HostSubnet.zones(HostSubnet.fromEnvironment(Environment.variables())));
    }

    /** Placement's settings: the defaults, in the host subnets' zones. */
    public FleetSettings settings() {
        return FleetSettings.defaults().inZones(zones);
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
                settings(),
                alarms);
    }

    public InstanceReconciler instances(InstanceProvider provider) {
        return new InstanceReconciler(fleets(), new FleetVariants(stores.events(), stores.arns()), provider, clock);
    }

    public FleetRepository fleets() {
        return new FleetRepository(stores.events(), stores.snapshots());
    }
}
