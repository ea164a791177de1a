package dev.stowage.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.stowage.events.Document;
import dev.stowage.host.Assignment;
import dev.stowage.host.ColdStart;
import dev.stowage.host.HostCapacity;
import dev.stowage.host.HostConfig;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.docker.DockerConnection;
import dev.stowage.host.docker.DockerRuntime;
import dev.stowage.host.docker.RegistryAuth;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.serving.RoutingDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One real {@link InferenceHost} running its copies as containers on the machine's Docker Engine ({@link
 * DockerRuntime}), with an in-memory control plane ({@link OneHostFleet}) that the benchmark assigns copies through.
 * The host keeps its default poll and heartbeat intervals (what its idle cost is measured at); the benchmark forces a
 * reconcile round whenever it assigns or removes, so no copy waits for a poll. {@link #close()} stops the host and
 * removes any container of its deployment that is left.
 */
final class ContainerHost implements AutoCloseable {
    static final String ENDPOINT = "bench-containers";
    static final String VARIANT = "AllTraffic";
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int ROUND_SECONDS = 30;
    static final String ENGINE_CONNECTIONS = "stowage.bench.engineConnections";

    private final DockerClient docker;
    private final String deployment;
    private final OneHostFleet fleet = new OneHostFleet();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final DockerRuntime engine;
    private final InferenceHost host;

    /**
     * Starts a host of instance {@code instanceId} keeping its work folder and logs under {@code dir} and reading
     * {@code s3://} artifacts from {@code buckets}.
     */
    ContainerHost(
            DockerClient docker,
            String deployment,
            String instanceId,
            HostCapacity capacity,
            Path dir,
            Path buckets,
            RegistryAuth auth,
            RoutingDirectory directory) {
        this.docker = docker;
        this.deployment = deployment;
        this.engine = new DockerRuntime(
                engineClient(), DockerConnection.DEFAULT_HOST, deployment, false, Path.of("/dev"), auth);
        HostConfig config = HostConfig.defaults(ENDPOINT, VARIANT, instanceId, "", capacity, dir)
                .withStopGrace(STOP_GRACE)
                .withArtifactRoot(buckets)
                .withContainers(engine);
        this.host = new InferenceHost(config, fleet, metrics, directory);
        host.start();
    }

    /**
     * The host's client of the engine: the one hosts use ({@link DockerConnection#open}), or, with {@code
     * -Dstowage.bench.engineConnections=N}, the same with a pool of N connections, to see past the pool's limit.
     */
    private static DockerClient engineClient() {
        Integer connections = Integer.getInteger(ENGINE_CONNECTIONS);
        if (connections == null) {
            return DockerConnection.open(DockerConnection.DEFAULT_HOST);
        }
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(DockerConnection.DEFAULT_HOST)
                .withDockerTlsVerify(false)
                .build();
        return DockerClientImpl.getInstance(
                config,
                new ZerodepDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .connectionTimeout(Duration.ofSeconds(5))
                        .maxConnections(connections)
                        .build());
    }

    /**
     * A component's {@code Specification}: {@code image} with {@code environment}, the artifact at {@code
     * artifactUrl} (none when null), {@code cores} and {@code minMemoryMib} reserved, {@code maxMemoryMib} the
     * container's limit, and {@code DataCacheConfig.EnableCaching} as {@code caching} says.
     */
    static ObjectNode specification(
            String image,
            @Nullable String artifactUrl,
            Map<String, String> environment,
            double cores,
            long minMemoryMib,
            long maxMemoryMib,
            boolean caching) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        ObjectNode container = spec.putObject("Container").put("Image", image);
        if (artifactUrl != null) {
            container.put("ArtifactUrl", artifactUrl);
        }
        ObjectNode env = container.putObject("Environment");
        environment.forEach(env::put);
        spec.putObject("ComputeResourceRequirements")
                .put("NumberOfCpuCoresRequired", cores)
                .put("MinMemoryRequiredInMb", minMemoryMib)
                .put("MaxMemoryRequiredInMb", maxMemoryMib);
        spec.putObject("DataCacheConfig").put("EnableCaching", caching);
        return spec;
    }

    InferenceHost host() {
        return host;
    }

    InMemoryMetrics metrics() {
        return metrics;
    }

    /** Assigns a copy of {@code component} as placement would: its reservation from {@code spec}. */
    void assign(String copyId, String component, ObjectNode spec) throws InterruptedException {
        var compute = spec.path("ComputeResourceRequirements");
        long milliCores = Math.round(compute.path("NumberOfCpuCoresRequired").asDouble() * 1000);
        long memoryMib = compute.path("MinMemoryRequiredInMb").asLong();
        fleet.assign(new Assignment(
                copyId, component, List.of(), milliCores, memoryMib, Assignment.State.SCHEDULED, Document.of(spec)));
        reconcile();
    }

    /**
     * One reconcile round of the host, now. A host whose engine client is stuck (every connection taken) would hold
     * the benchmark for minutes: past {@value #ROUND_SECONDS} s this throws instead, leaving the round to finish.
     */
    void reconcile() throws InterruptedException {
        Thread round = Thread.ofVirtual().name("bench-reconcile").start(host::reconcile);
        if (!round.join(Duration.ofSeconds(ROUND_SECONDS))) {
            throw new IllegalStateException("the host's reconcile round did not finish within " + ROUND_SECONDS
                    + " s (the host holds " + MachineReadings.ownUnixSockets() + " connections to the engine)");
        }
    }

    /**
     * Waits until {@code copyId} serves and returns where its start went; throws with the reason if it failed or did
     * not load in time.
     */
    ColdStart awaitLoaded(String copyId, Duration timeout) throws InterruptedException {
        await(copyId + " loaded", timeout, () -> {
            if (fleet.failure(copyId) != null) {
                throw new IllegalStateException(copyId + " failed to load: " + fleet.failure(copyId));
            }
            return fleet.isLoaded(copyId);
        });
        return host.coldStart(copyId)
                .orElseThrow(() -> new IllegalStateException(copyId + " loaded without a cold start"));
    }

    /** Asks the host to remove {@code copyIds} and waits until it has reported each removed. */
    void removeAndAwait(List<String> copyIds, Duration timeout) throws InterruptedException {
        copyIds.forEach(fleet::remove);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!copyIds.stream().allMatch(fleet::isRemoved)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "timed out after " + timeout + " waiting until " + copyIds + " removed");
            }
            reconcile();
            Thread.sleep(50);
        }
    }

    /** The containers of this host's deployment on the engine. */
    List<Container> containers() {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dev.stowage.deployment", deployment))
                .exec();
    }

    /**
     * Removes the deployment's containers through the benchmark's own engine client, then closes the host and its
     * engine client (the host does not own it: its config was given it). In that
     * order because a host whose client has no connection left cannot stop them itself: each container it follows
     * holds two connections, which its removal frees.
     */
    @Override
    public void close() {
        for (Container left : containers()) {
            try {
                docker.removeContainerCmd(left.getId()).withForce(true).exec();
            } catch (NotFoundException e) {
                // gone meanwhile
            }
        }
        host.close();
        engine.close();
    }

    private static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting until " + what
                        + " (the host holds " + MachineReadings.ownUnixSockets() + " connections to the engine)");
            }
            Thread.sleep(50);
        }
    }
}
