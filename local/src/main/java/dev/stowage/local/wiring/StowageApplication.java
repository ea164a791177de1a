package dev.stowage.local.wiring;

import dev.stowage.domain.Arns;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.fleet.FleetVariants;
import dev.stowage.domain.fleet.InstanceReconciler;
import dev.stowage.domain.fleet.PlacementReactor;
import dev.stowage.domain.fleet.PreviousRun;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.scaling.ScalingReactor;
import dev.stowage.domain.views.Projector;
import dev.stowage.functions.api.ApiHandler;
import dev.stowage.functions.api.ApiWiring;
import dev.stowage.functions.config.DeploymentQuota;
import dev.stowage.functions.config.Stores;
import dev.stowage.functions.dynamodb.EventsTable;
import dev.stowage.functions.dynamodb.ViewsTable;
import dev.stowage.functions.fleet.FleetStreamHandler;
import dev.stowage.functions.projector.ViewProjectorHandler;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.runtime.ContainerEngine;
import dev.stowage.host.serving.BackgroundDemand;
import dev.stowage.host.serving.InvocationMetrics;
import dev.stowage.host.serving.InvocationService;
import dev.stowage.host.time.TimeScale;
import dev.stowage.host.trust.PeerSigner;
import dev.stowage.host.trust.RefreshingKeys;
import dev.stowage.local.alarms.LocalAlarmEngine;
import dev.stowage.local.app.LocalApplication;
import dev.stowage.local.app.LocalEnvironment;
import dev.stowage.local.app.LocalHandlers;
import dev.stowage.local.app.StreamSubscription;
import dev.stowage.local.cloudwatch.CloudWatchApi;
import dev.stowage.local.console.LocalConsole;
import dev.stowage.local.console.LogConsole;
import dev.stowage.local.console.PlacementConsole;
import dev.stowage.local.fleet.LocalContainers;
import dev.stowage.local.fleet.LocalFleetPort;
import dev.stowage.local.fleet.LocalInstanceProvider;
import dev.stowage.local.runtime.LocalRuntimeHandler;
import dev.stowage.local.runtime.RuntimeDirectory;
import dev.stowage.wire.sigv4.SigV4Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stowage in local mode: the tables of the AWS deployment on local DynamoDB, the API Lambda's handler behind a
 * SigV4 check (SageMaker, Application Auto Scaling and Stowage's own operations), the scaling reactor, and the
 * stream consumers Lambda's event source mappings would feed — the view projector, the
 * placement reactor, the instance reconciler and the endpoint dashboards ({@link LocalDashboards}) — plus a tick
 * for timers, and in-process inference hosts as the instances.
 */
public final class StowageApplication implements LocalApplication {
    public static final String EVENTS_TABLE = "events";
    public static final String VIEWS_TABLE = "views";

    private static final System.Logger LOG = System.getLogger(StowageApplication.class.getName());

    private final LocalFleetOptions options;
    private volatile @Nullable LocalInstanceProvider instances;
    private volatile @Nullable ScalingReactor scaling;
    private volatile @Nullable LocalAlarmEngine alarms;

    /** What {@link java.util.ServiceLoader} finds: the default options, or those the system properties set. */
    public StowageApplication() {
        this(LocalFleetOptions.fromSystemProperties());
    }

    public StowageApplication(LocalFleetOptions options) {
        this.options = options;
    }

    @Override
    public LocalHandlers setUp(LocalEnvironment environment) {
        new EventsTable(EVENTS_TABLE).createIfMissing(environment.dynamoDb());
        ViewsTable.createIfMissing(environment.dynamoDb(), VIEWS_TABLE);
        Arns arns = new Arns(environment.region().id(), environment.account());
        Stores stores = Stores.dynamoDb(environment.dynamoDb(), EVENTS_TABLE, VIEWS_TABLE, arns);
        InstanceTypeCatalog catalog = InstanceTypeCatalog.standard();
        var liveness = stores.liveness();

        var metrics = new InMemoryMetrics();
        var alarmEngine = LocalAlarmEngine.onVirtualThreads(
                        metrics::all,
                        environment.clock(),
                        TimeScale.of(options.timeScale()),
                        environment.region().id(),
                        environment.account())
                .start();
        this.alarms = alarmEngine;
        ApiWiring wiring =
                ApiWiring.of(stores, environment.clock(), alarmEngine).withQuota(DeploymentQuota.fromEnvironment());
        ApiHandler api = new ApiHandler(wiring.services());
        ScalingReactor scalingReactor = wiring.scalingReactor(options.timeScale());
        this.scaling = scalingReactor;
        alarmEngine.addListener(scalingReactor);
        // Off the engine's thread: a policy run writes to DynamoDB and must not hold back other alarms' evaluations.
        alarmEngine.whileInAlarm(change -> Thread.ofVirtual()
                .name("still-in-alarm-" + change.alarm().alarmName())
                .start(() -> {
                    try {
                        scalingReactor.onStillInAlarm(change);
                    } catch (RuntimeException e) {
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "re-running " + change.alarm().alarmName() + " failed",
                                e);
                    }
                }));
        var reactor = new PlacementReactor(
                stores.events(),
                stores.snapshots(),
                stores.views(),
                liveness,
                catalog,
                arns,
                environment.clock(),
                options.scaledSettings(),
                alarmEngine);
        var reports = wiring.fleetReports();
        var directory = new RuntimeDirectory(
                stores.events(),
                stores.snapshots(),
                environment.account(),
                new BackgroundDemand((endpoint, variant, component) -> scalingReactor.onWaitingRequest(component)));
        HostControl control = options.hostsThroughApi()
                ? HostControl.throughApi(environment, options.scaled(Duration.ofSeconds(1)))
                : new HostControl(new LocalFleetPort(reports, wiring.hostKeys()), directory);
        ContainerEngine containers = LocalContainers.connect(
                System.getenv(), Optional.ofNullable(System.getProperty(LocalContainers.CREDENTIALS)));
        Path hostsDir = workDir(environment);
        var provider = new LocalInstanceProvider(
                control.fleet(),
                metrics,
                hostsDir,
                options.scaled(options.bootDelay()),
                config -> config.withIntervals(options.hostPoll(), options.heartbeat())
                        .withTimeScale(TimeScale.of(options.timeScale()))
                        .withClock(environment.clock())
                        .withServing(options.serving())
                        .withContainers(containers)
                        .withClientSignatures(verifier(environment)),
                control.directory(),
                options.capacity());
        this.instances = provider;
        var fleets = new FleetRepository(stores.events(), stores.snapshots());
        PreviousRun.declareHostsLost(reactor.allFleets(), fleets, environment.clock());
        var instances =
                new InstanceReconciler(fleets, new FleetVariants(stores.events(), arns), provider, environment.clock());
        var ticker = new FleetTicker(reactor, instances, options.scaled(options.tick()));

        // The front stands where API Gateway and the load balancer stand on AWS, but reaches copies through their
        // hosts' peer ports, so it signs as a peer with the ring it holds (ADR 23).
        var front = new InvocationService(
                "",
                new CopyTable(),
                directory,
                new InvocationMetrics(metrics, environment.clock()),
                options.serving().scaled(options.timeScale()),
                new PeerSigner(new RefreshingKeys(wiring.hostKeys()::describe), Clock.systemUTC()));
        var projector = new ViewProjectorHandler(new Projector(stores.events(), stores.views()));
        var placement = new FleetStreamHandler(reactor::fleetsOf, reactor::reconcile);
        var launching = new FleetStreamHandler(FleetStreamHandler::fleetItself, instances::reconcile);
        var dashboards =
                LocalDashboards.of(stores, EVENTS_TABLE, environment.region().id());
        return dashboards.around(new LocalHandlers(
                new PlacementConsole(
                        stores.views(),
                        new FleetRepository(stores.events(), stores.snapshots()),
                        metrics,
                        environment.clock(),
                        new LogConsole(
                                logsDir(hostsDir),
                                new LocalConsole(
                                        metrics,
                                        environment.clock(),
                                        new SignatureGate(
                                                new RuntimeRouting(
                                                        new LocalRuntimeHandler(front),
                                                        api,
                                                        new CloudWatchApi(alarmEngine, metrics, environment.clock())),
                                                verifier(environment))))),
                // The routers' directory forgets first: behind placement, it kept serving routes from before a batch
                // for as long as placement took on it (a second on a busy machine), so a component placement had just
                // marked InService on new copies was answered "no capacity".
                List.of(new StreamSubscription(
                        EVENTS_TABLE, new FanOut(List.of(directory.invalidator(), projector, placement, launching)))),
                () -> {
                    alarmEngine.close();
                    ticker.close();
                    provider.close();
                    containers.close();
                    front.close();
                },
                SignatureGate::refusal));
    }

    /** The simulated instances, once set up: tests kill hosts through it. */
    public LocalInstanceProvider instances() {
        LocalInstanceProvider provider = instances;
        if (provider == null) {
            throw new IllegalStateException("Stowage is not set up yet");
        }
        return provider;
    }

    /**
     * The scaling reactor, once set up: what the local alarm engine tells of alarm state changes (and of alarms that
     * stay in ALARM, {@link ScalingReactor#onStillInAlarm}); tests drive it directly.
     */
    public ScalingReactor scaling() {
        ScalingReactor reactor = scaling;
        if (reactor == null) {
            throw new IllegalStateException("Stowage is not set up yet");
        }
        return reactor;
    }

    /** The local alarm engine, once set up: the scaling reactor listens to it, the autoscaling API puts alarms in it. */
    public LocalAlarmEngine alarms() {
        LocalAlarmEngine engine = alarms;
        if (engine == null) {
            throw new IllegalStateException("Stowage is not set up yet");
        }
        return engine;
    }

    private static SigV4Verifier verifier(LocalEnvironment environment) {
        String accessKey = environment.credentials().accessKeyId();
        String secret = environment.credentials().secretAccessKey();
        return new SigV4Verifier(
                key -> key.equals(accessKey) ? Optional.of(secret) : Optional.empty(),
                environment.region().id(),
                environment.clock());
    }

    private static Path workDir(LocalEnvironment environment) {
        try {
            return environment.dataDir() != null
                    ? environment.dataDir().resolve("hosts")
                    : Files.createTempDirectory("stowage-hosts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where hosts made by {@link dev.stowage.host.HostConfig#defaults} on {@code hostsDir} write their copy logs. */
    private static Path logsDir(Path hostsDir) {
        return hostsDir.resolve("logs");
    }

    @Override
    public String name() {
        return "Stowage";
    }

    @Override
    public int priority() {
        return 100;
    }
}
