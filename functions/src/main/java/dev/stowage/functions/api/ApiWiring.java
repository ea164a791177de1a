package dev.stowage.functions.api;

import dev.stowage.domain.Arns;
import dev.stowage.domain.alarms.AlarmService;
import dev.stowage.domain.component.CopyQuota;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.fleet.FleetReports;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.scaling.AutoScaling;
import dev.stowage.domain.scaling.ScalingArns;
import dev.stowage.domain.scaling.ScalingReactor;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.LivenessStore;
import dev.stowage.domain.store.SnapshotStore;
import dev.stowage.domain.views.Projector;
import dev.stowage.domain.views.ViewStore;
import dev.stowage.events.EventEnvelope;
import dev.stowage.functions.cloudwatch.CloudWatchAlarmService;
import dev.stowage.functions.config.DeploymentCatalog;
import dev.stowage.functions.config.DeploymentQuota;
import dev.stowage.functions.config.FrontTokens;
import dev.stowage.functions.config.Stores;
import dev.stowage.functions.ec2.HostVerifier;
import dev.stowage.functions.hostkeys.DeploymentKeys;
import dev.stowage.functions.hostkeys.HostKeyRing;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Everything the API needs, built once per process from its stores and the alarm service. After each append the API
 * projects the changed stream at once (the stream-driven projector stays the guarantee), so a List right after a
 * Create shows the new resource.
 */
public record ApiWiring(
        EventStore events,
        ViewStore views,
        SnapshotStore snapshots,
        LivenessStore liveness,
        Arns arns,
        Clock clock,
        AlarmService alarms,
        InstanceTypeCatalog catalog,
        CopyQuota quota,
        HostVerifier hostVerifier,
        DeploymentKeys hostKeys) {

    /** Every service the API handler serves. */
    public List<ServiceApi> services() {
        ControlPlane controlPlane = controlPlane();
        AutoScaling autoScaling = autoScaling(controlPlane);
        return List.of(
                new SageMakerApi(controlPlane, reads(), arns, autoScaling::forget),
                new ApplicationAutoScalingApi(autoScaling, new ScalingReads(autoScaling, reads())),
                new StowageApi(catalog, reads(), arns, clock),
                new HostApi(
                        fleetReports(),
                        new RoutingReads(reads(), arns.account()),
                        scalingReactor(1.0),
                        new FleetRepository(events, snapshots),
                        hostVerifier,
                        hostKeys));
    }

    /** What hosts report, as fleet commands. */
    public FleetReports fleetReports() {
        return new FleetReports(events, snapshots, liveness, catalog, arns, clock);
    }

    /** The SageMaker write side, projecting each stream it changes at once. */
    public ControlPlane controlPlane() {
        Projector projector = new Projector(events, views);
        Reads reads = reads(); // one for the control plane's life, so its confirmed reads are kept (FreshReads)
        return new ControlPlane(
                events,
                clock,
                arns,
                catalog,
                quota,
                reads::inferenceComponentsOn,
                (stream, appended) -> catchUpQuietly(projector, stream, appended));
    }

    /** The scaling reactor, setting copy counts through {@link #controlPlane()}; cooldowns divided by {@code timeScale}. */
    public ScalingReactor scalingReactor(double timeScale) {
        return new ScalingReactor(events, controlPlane(), ScalingArns.of(arns), clock, timeScale, ApiWiring::uuid);
    }

    private AutoScaling autoScaling(ControlPlane controlPlane) {
        return new AutoScaling(events, controlPlane, alarms, ScalingArns.of(arns), clock, ApiWiring::uuid);
    }

    /** The ids of scaling activities and policies, as Application Auto Scaling gives them. */
    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private Reads reads() {
        return new Reads(events, views, new FleetRepository(events, snapshots), liveness);
    }

    private static void catchUpQuietly(Projector projector, String stream, List<EventEnvelope> appended) {
        try {
            projector.catchUp(stream, appended);
        } catch (RuntimeException e) {
            // The stream poller or Lambda's event source mapping projects it again; the write has succeeded.
        }
    }

    /** The wiring of a Lambda container, from its environment (hosts trusted until {@link #withHostVerifier}). */
    public static ApiWiring fromEnvironment() {
        return fromEnvironment(CloudWatchClient.create());
    }

    /** The same, with alarms through {@code cloudWatch}, for a function that also calls CloudWatch itself. */
    public static ApiWiring fromEnvironment(CloudWatchClient cloudWatch) {
        return of(Stores.fromEnvironment(), Clock.systemUTC(), new CloudWatchAlarmService(cloudWatch))
                .withCatalog(DeploymentCatalog.fromEnvironment())
                .withQuota(DeploymentQuota.fromEnvironment())
                .withFrontTokens(FrontTokens.fromEnvironment());
    }

    /** Every instance type Stowage supports; the hosts' key ring in the stores, no front tokens. */
    public static ApiWiring of(Stores stores, Clock clock, AlarmService alarms) {
        return new ApiWiring(
                stores.events(),
                stores.views(),
                stores.snapshots(),
                stores.liveness(),
                stores.arns(),
                clock,
                alarms,
                InstanceTypeCatalog.standard(),
                CopyQuota.DEFAULT,
                HostVerifier.TRUSTING,
                new DeploymentKeys(HostKeyRing.standard(stores.keyRing(), clock), List.of()));
    }

    /** Only the instance types of {@code restricted} may be used (a deployment's allowed types). */
    public ApiWiring withCatalog(InstanceTypeCatalog restricted) {
        return new ApiWiring(
                events, views, snapshots, liveness, arns, clock, alarms, restricted, quota, hostVerifier, hostKeys);
    }

    /** One inference component may want at most {@code copyQuota}'s copies. */
    public ApiWiring withQuota(CopyQuota copyQuota) {
        return new ApiWiring(
                events, views, snapshots, liveness, arns, clock, alarms, catalog, copyQuota, hostVerifier, hostKeys);
    }

    /** Host operations are checked to come from the instance they report for. */
    public ApiWiring withHostVerifier(HostVerifier verifier) {
        return new ApiWiring(
                events, views, snapshots, liveness, arns, clock, alarms, catalog, quota, verifier, hostKeys);
    }

    /** Invocations from the deployment's front carry one of {@code tokens}; the hosts get them with their keys. */
    public ApiWiring withFrontTokens(List<String> tokens) {
        return new ApiWiring(
                events,
                views,
                snapshots,
                liveness,
                arns,
                clock,
                alarms,
                catalog,
                quota,
                hostVerifier,
                new DeploymentKeys(hostKeys.ring(), tokens));
    }
}
