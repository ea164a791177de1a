package dev.stowage.host;

import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.metrics.GpuUtilization;
import dev.stowage.host.metrics.MetricsPublisher;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.host.runtime.RuntimeCatalog;
import dev.stowage.host.serving.HostServing;
import dev.stowage.host.serving.RoutingDirectory;
import dev.stowage.host.trust.HostTrust;
import dev.stowage.host.trust.KeySource;
import dev.stowage.host.trust.RefreshingKeys;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The agent of one instance (DESIGN §6). {@link #start()} registers the instance, then heartbeats and reconciles on
 * two virtual threads: each poll reads the assignments, starts loading every new copy (concurrently), drains,
 * stops and reports every copy to remove, stops copies no longer assigned at all, and publishes the instance's
 * reservation metrics. Loaded copies are in {@link #copies()} for the runtime API to route to.
 *
 * <p>{@link #close()} is an orderly end (a retired instance): loops stop, copies are drained and stopped, nothing
 * is reported. {@link #kill()} simulates a lost instance: everything stops at once, without a word to the control
 * plane. A host is started once; after {@code close()} or {@code kill()} make a new one.
 */
public final class InferenceHost implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InferenceHost.class.getName());
    /** How often utilization is published: SageMaker's default metric period. */
    static final Duration UTILIZATION_INTERVAL = Duration.ofSeconds(60);

    private final HostConfig config;
    private final FleetPort fleet;
    private final MetricsPublisher metrics;
    private final HostServices services;
    private final RoutingDirectory directory;
    private @Nullable HostServing serving;
    private final ConcurrentMap<String, CopyRun> runs = new ConcurrentHashMap<>();
    private final List<Thread> loops = new ArrayList<>();
    private final Utilization utilization;
    private volatile boolean running;

    public InferenceHost(HostConfig config, FleetPort fleet, MetricsPublisher metrics, RoutingDirectory directory) {
        this.config = config;
        this.directory = directory;
        this.fleet = fleet;
        this.metrics = metrics;
        CopyLoader loader = new CopyLoader(config, new RuntimeCatalog(config.timeScale(), config.containers()));
        this.services = new HostServices(config, fleet, loader, new CopyTable());
        this.utilization =
                new Utilization(metrics, config.capacity().detectedNvidia() ? GpuUtilization::read : Map::of);
    }

    /**
     * Reads the deployment's keys, starts serving, registers the instance (a failure is thrown to the caller) and
     * starts heartbeating and reconciling.
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        KeySource keys = new RefreshingKeys(
                () -> fleet.hostKeys(config.endpointName(), config.variantName(), config.instanceId()));
        keys.keys();
        HostServing front = new HostServing(
                new HostServing.Identity(config.endpointName(), config.variantName(), config.instanceId()),
                services.table(),
                directory,
                metrics,
                config.clock(),
                config.serving().scaled(config.timeScale().factor()),
                // Signatures are timed by the real clock: local mode's may run faster (--time-scale).
                HostTrust.of(keys, config.clientSignatures(), Clock.systemUTC()),
                new HostServing.Binds(config.runtimeBind(), config.peerBind()),
                config.address());
        try {
            fleet.register(
                    config.endpointName(),
                    config.variantName(),
                    config.instanceId(),
                    front.address().toString(),
                    config.capacity().capacity());
        } catch (RuntimeException e) {
            front.close();
            throw e;
        }
        serving = front;
        running = true;
        loops.add(loop("heartbeat", config.heartbeatInterval(), this::heartbeat));
        loops.add(loop("reconcile", config.pollInterval(), this::reconcile));
        loops.add(loop("utilization", UTILIZATION_INTERVAL, this::publishUtilization));
    }

    /** The loaded copies of this host, for the router. */
    public CopyTable copies() {
        return services.table();
    }

    /** Where {@code copyId}'s start went (pull, artifact, start, first good ping), once it loaded on this host. */
    public Optional<ColdStart> coldStart(String copyId) {
        CopyRun run = runs.get(copyId);
        return run == null ? Optional.empty() : run.coldStart();
    }

    /** Where this host serves the runtime API, once started. */
    public URI address() {
        return started().runtimeAddress();
    }

    /** Where this host's peers reach it (the address it registered), once started. */
    public URI peerAddress() {
        return started().address();
    }

    private HostServing started() {
        HostServing front = serving;
        if (front == null) {
            throw new IllegalStateException("Host " + config.instanceId() + " is not started.");
        }
        return front;
    }

    public HostConfig config() {
        return config;
    }

    public boolean isRunning() {
        return running;
    }

    /** Says the instance is alive. */
    public void heartbeat() {
        Map<String, String> loading = new TreeMap<>();
        runs.forEach((copyId, run) -> run.progress().ifPresent(progress -> loading.put(copyId, progress)));
        fleet.heartbeat(config.endpointName(), config.variantName(), config.instanceId(), loading);
    }

    /**
     * Publishes each serving copy's utilization (CPU, memory, and GPU on NVIDIA hosts), sampled now: what the
     * utilization loop runs every {@link #UTILIZATION_INTERVAL}; public so that tests can force it.
     */
    public void publishUtilization() {
        List<Utilization.Sample> samples;
        try (var sampling = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<Utilization.Sample>>> futures = runs.values().stream()
                    .map(run -> sampling.submit(run::usage))
                    .toList();
            samples = futures.stream()
                    .map(InferenceHost::quietly)
                    .flatMap(Optional::stream)
                    .toList();
        }
        utilization.publish(samples, config.clock().instant());
    }

    private static Optional<Utilization.Sample> quietly(Future<Optional<Utilization.Sample>> sample) {
        try {
            return sample.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** One reconcile round: what the poll loop runs; public so that tests and local mode can force one. */
    public synchronized void reconcile() {
        List<Assignment> assigned = fleet.assignments(config.endpointName(), config.variantName(), config.instanceId());
        Set<String> seen = new HashSet<>();
        for (Assignment copy : assigned) {
            seen.add(copy.copyId());
            reconcile(copy, runs.get(copy.copyId()));
        }
        removeStrayContainers(assigned);
        for (Map.Entry<String, CopyRun> entry : runs.entrySet()) {
            if (!seen.contains(entry.getKey())) {
                CopyRun run = entry.getValue();
                if (run.phase() == CopyRun.Phase.STOPPED) {
                    runs.remove(entry.getKey(), run);
                } else {
                    run.stop(false);
                }
            }
        }
        Reservations.of(config.capacity().capacity(), assigned)
                .publish(
                        metrics,
                        Reservations.dimensions(config.endpointName(), config.variantName(), config.instanceId()),
                        config.clock().instant());
    }

    /**
     * Removes this host's containers that no copy owns: those of copies no longer assigned, or being removed with no
     * run here to stop them (a host that restarted mid-removal), or left by a crash. A failure waits for the next round.
     */
    private void removeStrayContainers(List<Assignment> assigned) {
        Set<String> keep = new HashSet<>(runs.keySet());
        assigned.stream()
                .filter(copy -> copy.state() != Assignment.State.REMOVING)
                .forEach(copy -> keep.add(copy.copyId()));
        try {
            config.containers()
                    .removeOthers(config.endpointName(), config.variantName(), config.instanceId(), keep)
                    .forEach(copyId ->
                            LOG.log(Level.INFO, "removed the container of " + copyId + ", which no copy owns"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not sweep the containers of " + config.instanceId() + ": " + e.getMessage());
        }
    }

    private void reconcile(Assignment copy, @Nullable CopyRun run) {
        switch (copy.state()) {
            case SCHEDULED, LOADED -> {
                if (run == null || run.phase() == CopyRun.Phase.STOPPED) {
                    load(copy);
                    return;
                }
                run.adapters(copy.adapters());
                if (copy.state() == Assignment.State.SCHEDULED) {
                    run.report();
                }
            }
            case REMOVING -> {
                if (run == null) {
                    fleet.copyRemoved(config.endpointName(), config.variantName(), copy.copyId());
                } else if (run.phase() == CopyRun.Phase.STOPPED) {
                    run.report();
                } else {
                    run.stop(true);
                }
            }
        }
    }

    private void load(Assignment copy) {
        CopyLog log = CopyLog.open(
                config.logsDir().resolve(copy.inferenceComponentName()).resolve(copy.copyId() + ".log"),
                config.clock());
        CopyRun run = new CopyRun(
                copy,
                log,
                config.copyLogSink().follow(copy.inferenceComponentName(), copy.copyId(), log.file()),
                services);
        runs.put(copy.copyId(), run);
        run.startLoading();
    }

    /** Stops the loops, drains and stops every copy (without reporting), and returns once they are gone. */
    @Override
    public void close() {
        stopLoops();
        List<Thread> stopping = new ArrayList<>();
        runs.values().forEach(run -> stopping.add(run.stop(false)));
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        runs.clear();
        services.loader().close();
        stopServing();
    }

    /**
     * The host's process dies (a crash, {@code kill -9}): heartbeats, reconciling and serving stop, nothing is
     * reported, and the copies' runtimes are left as a dead process leaves them — containers keep running, for the
     * next host on the instance to adopt.
     */
    public void crash() {
        stopLoops();
        stopServing();
        runs.clear();
        services.loader().close();
    }

    /** A lost instance: heartbeats and reconciling stop, runtimes end abruptly, nothing is reported. */
    public void kill() {
        stopLoops();
        stopServing();
        runs.values().forEach(CopyRun::kill);
        runs.clear();
        services.loader().close();
    }

    private void stopServing() {
        HostServing front = serving;
        serving = null;
        if (front != null) {
            front.close();
        }
    }

    private void stopLoops() {
        List<Thread> threads;
        synchronized (this) {
            running = false;
            threads = List.copyOf(loops);
            loops.clear();
        }
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Thread loop(String name, Duration interval, Runnable step) {
        Duration every = config.scaled(interval);
        return Thread.ofVirtual().name(name + "-" + config.instanceId()).start(() -> {
            while (running) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, name + " of " + config.instanceId() + " failed; retrying", e);
                }
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }
}
