package dev.stowage.local.fleet;

import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.fleet.InstanceProvider;
import dev.stowage.domain.fleet.InsufficientCapacity;
import dev.stowage.domain.fleet.Launch;
import dev.stowage.host.FleetPort;
import dev.stowage.host.HostConfig;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.capacity.CapacityDetector;
import dev.stowage.host.metrics.MetricsPublisher;
import dev.stowage.host.serving.RoutingDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Local mode's "EC2": an instance is an {@link InferenceHost} in this JVM with the capacity of its instance type
 * (a simulated machine), started after a boot delay. Launches are idempotent per instance id; {@link CapacityLimits}
 * make a type scarce.
 */
public final class LocalInstanceProvider implements InstanceProvider, AutoCloseable {
    private final FleetPort fleet;
    private final MetricsPublisher metrics;
    private final Path baseDir;
    private final Duration bootDelay;
    private final UnaryOperator<HostConfig> tuning;
    private final RoutingDirectory directory;
    private final Map<String, InferenceHost> hosts = new ConcurrentHashMap<>();
    private final CapacityLimits limits;
    private final Map<String, String> launched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService boots =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

    /**
     * {@code tuning} adjusts each host's config (intervals, time scale) before it starts; {@code limits} caps how many
     * instances of a type run at once.
     */
    public LocalInstanceProvider(
            FleetPort fleet,
            MetricsPublisher metrics,
            Path baseDir,
            Duration bootDelay,
            UnaryOperator<HostConfig> tuning,
            RoutingDirectory directory,
            CapacityLimits limits) {
        this.limits = limits;
        this.directory = directory;
        this.fleet = fleet;
        this.metrics = metrics;
        this.baseDir = baseDir;
        this.bootDelay = bootDelay;
        this.tuning = tuning;
    }

    /**
     * Zones are placement's bookkeeping here (every simulated host runs on this machine), and a {@code
     * CapacityReservationConfig} is accepted and shown only: local mode has no reservations to launch into.
     *
     * @throws InsufficientCapacity when the type is at its {@link CapacityLimits limit}
     */
    @Override
    public void launch(Launch launch) {
        String fleetStream = launch.fleetStream();
        String instanceId = launch.instanceId();
        String instanceType = launch.instanceType();
        synchronized (launched) {
            if (launched.containsKey(key(fleetStream, instanceId))) {
                return;
            }
            long running =
                    launched.values().stream().filter(instanceType::equals).count();
            if (!limits.allows(instanceType, running)) {
                throw new InsufficientCapacity(limits.refusal(instanceType));
            }
            launched.put(key(fleetStream, instanceId), instanceType);
        }
        FleetKey key = FleetKey.ofStream(fleetStream);
        HostConfig config = tuning.apply(HostConfig.defaults(
                key.endpointName(),
                key.variantName(),
                instanceId,
                "",
                CapacityDetector.simulated(instanceType),
                baseDir));
        boots.schedule(
                () -> {
                    if (launched.containsKey(key(fleetStream, instanceId))) {
                        InferenceHost host = new InferenceHost(config, fleet, metrics, directory);
                        hosts.put(key(fleetStream, instanceId), host);
                        host.start();
                    }
                },
                bootDelay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void terminate(String fleetStream, String instanceId) {
        launched.remove(key(fleetStream, instanceId));
        InferenceHost host = hosts.remove(key(fleetStream, instanceId));
        if (host != null) {
            host.close();
        }
    }

    @Override
    public Set<String> launched(String fleetStream) {
        Set<String> ids = new TreeSet<>();
        launched.keySet().stream()
                .filter(k -> k.startsWith(fleetStream + "#"))
                .forEach(k -> ids.add(k.substring(fleetStream.length() + 1)));
        return ids;
    }

    /** The hosts of a fleet that are running now. */
    public List<InferenceHost> hosts(String fleetStream) {
        return hosts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(fleetStream + "#"))
                .map(Map.Entry::getValue)
                .filter(InferenceHost::isRunning)
                .toList();
    }

    /** Stops a host abruptly, as a crashed machine: no more heartbeats, nothing reported. */
    public void kill(String fleetStream, String instanceId) {
        InferenceHost host = hosts.get(key(fleetStream, instanceId));
        if (host != null) {
            host.kill();
        }
    }

    @Override
    public void close() {
        boots.shutdownNow();
        hosts.values().forEach(InferenceHost::close);
        hosts.clear();
    }

    private static String key(String fleetStream, String instanceId) {
        return fleetStream + "#" + instanceId;
    }
}
