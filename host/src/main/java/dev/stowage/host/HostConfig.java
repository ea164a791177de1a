package dev.stowage.host;

import dev.stowage.host.copies.ArtifactStore;
import dev.stowage.host.copies.BucketFolder;
import dev.stowage.host.logs.CopyLogSink;
import dev.stowage.host.runtime.ContainerEngine;
import dev.stowage.host.serving.ServingSettings;
import dev.stowage.host.time.TimeScale;
import dev.stowage.wire.sigv4.SigV4Verifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything one inference host needs. Durations are given in real-world terms and divided by {@code timeScale}
 * when the host waits (local mode's {@code --time-scale}); waits are measured on the monotonic clock, and {@code
 * clock} stamps metrics and log lines.
 *
 * @param endpointName the endpoint the instance belongs to
 * @param variantName its production variant
 * @param instanceId the instance id the control plane knows it by
 * @param address where peers reach the host's peer port (sent when registering); empty: the address the peer server
 *     is bound to
 * @param runtimeBind where the runtime API server listens (port 0: any free port), for load balancers and clients
 * @param peerBind where the peer server listens (port 0: any free port), for the fleet's other hosts (ADR 23)
 * @param capacity what the instance offers copies
 * @param pollInterval how often assignments are read and reconciled
 * @param heartbeatInterval how often the host says it is alive
 * @param drainTimeout how long a removal waits for in-flight requests to end
 * @param stopGrace how long a stopped runtime gets between SIGTERM and SIGKILL (30 s, as SageMaker)
 * @param pingInterval how often {@code GET /ping} is tried while a copy starts
 * @param timeScale how much faster than real time every wait runs
 * @param artifactRoot the folder standing in for S3: {@code s3://bucket/key} is {@code <artifactRoot>/bucket/key}
 * @param logsDir copy logs go to {@code <logsDir>/<ic>/<copyId>.log}
 * @param workDir where fetched artifacts are kept
 * @param clock wall time for timestamps
 * @param serving how the runtime API routes, queues and times out (not yet divided by the time scale)
 * @param artifacts where {@code s3://} artifacts come from (locally the folder {@code artifactRoot})
 * @param copyLogSink where copy logs are shipped besides their file (locally nowhere)
 * @param containers the engine that runs container images (none: such images are refused, saying why)
 * @param clientSignatures checks clients' SigV4 signatures on the runtime port (local mode's credentials); empty: only
 *     the deployment's front is let in (on AWS, where API Gateway has checked the signature)
 */
public record HostConfig(
        String endpointName,
        String variantName,
        String instanceId,
        String address,
        InetSocketAddress runtimeBind,
        InetSocketAddress peerBind,
        HostCapacity capacity,
        Duration pollInterval,
        Duration heartbeatInterval,
        Duration drainTimeout,
        Duration stopGrace,
        Duration pingInterval,
        TimeScale timeScale,
        Path artifactRoot,
        Path logsDir,
        Path workDir,
        Clock clock,
        ServingSettings serving,
        ArtifactStore artifacts,
        CopyLogSink copyLogSink,
        ContainerEngine containers,
        Optional<SigV4Verifier> clientSignatures) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(1);

    /**
     * A host with the default intervals at real time, keeping everything under {@code baseDir}: buckets in {@code
     * baseDir/buckets}, logs in {@code baseDir/logs}, fetched artifacts in {@code baseDir/work/<instanceId>}.
     */
    public static HostConfig defaults(
            String endpointName,
            String variantName,
            String instanceId,
            String address,
            HostCapacity capacity,
            Path baseDir) {
        return new HostConfig(
                endpointName,
                variantName,
                instanceId,
                address,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                capacity,
                DEFAULT_POLL_INTERVAL,
                DEFAULT_HEARTBEAT_INTERVAL,
                DEFAULT_DRAIN_TIMEOUT,
                DEFAULT_STOP_GRACE,
                DEFAULT_PING_INTERVAL,
                TimeScale.REAL_TIME,
                baseDir.resolve("buckets"),
                baseDir.resolve("logs"),
                baseDir.resolve("work").resolve(instanceId),
                Clock.systemUTC(),
                ServingSettings.defaults(),
                new BucketFolder(baseDir.resolve("buckets")),
                CopyLogSink.LOCAL_ONLY,
                ContainerEngine.NONE,
                Optional.empty());
    }

    /** This config running every timer {@code scale} times faster. */
    public HostConfig withTimeScale(TimeScale scale) {
        return copy(c -> c.timeScale = scale);
    }

    public HostConfig withIntervals(Duration poll, Duration heartbeat) {
        return copy(c -> {
            c.pollInterval = poll;
            c.heartbeatInterval = heartbeat;
        });
    }

    public HostConfig withDrainTimeout(Duration drain) {
        return copy(c -> c.drainTimeout = drain);
    }

    public HostConfig withStopGrace(Duration grace) {
        return copy(c -> c.stopGrace = grace);
    }

    /** Where the runtime API listens: on EC2 every interface at the runtime port, for peers and the load balancer. */
    public HostConfig withRuntimeBind(InetSocketAddress bind) {
        return copy(c -> c.runtimeBind = bind);
    }

    /** Where peers reach the host: on EC2 every interface at the peer port, which only the hosts' group may reach. */
    public HostConfig withPeerBind(InetSocketAddress bind) {
        return copy(c -> c.peerBind = bind);
    }

    /** Clients' SigV4 signatures are checked with {@code verifier} on the runtime port (local mode). */
    public HostConfig withClientSignatures(SigV4Verifier verifier) {
        return copy(c -> c.clientSignatures = Optional.of(verifier));
    }

    /** Local buckets under {@code root}. */
    public HostConfig withArtifactRoot(Path root) {
        return copy(c -> {
            c.artifactRoot = root;
            c.artifacts = new BucketFolder(root);
        });
    }

    /** Artifacts from {@code store} (S3 on AWS: {@code S3ArtifactStore.fromEnvironment()}). */
    public HostConfig withArtifacts(ArtifactStore store) {
        return copy(c -> c.artifacts = store);
    }

    /** Copy logs also shipped to {@code sink} (CloudWatch Logs on AWS: {@code CloudWatchCopyLogs.forHost}). */
    public HostConfig withCopyLogSink(CopyLogSink sink) {
        return copy(c -> c.copyLogSink = sink);
    }

    /** Container images run on {@code engine} (a Docker Engine). */
    public HostConfig withContainers(ContainerEngine engine) {
        return copy(c -> c.containers = engine);
    }

    public HostConfig withClock(Clock newClock) {
        return copy(c -> c.clock = newClock);
    }

    public HostConfig withServing(ServingSettings settings) {
        return copy(c -> c.serving = settings);
    }

    /** {@code duration} as the host waits it: divided by the time scale. */
    public Duration scaled(Duration duration) {
        return timeScale.scale(duration);
    }

    private HostConfig copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The changeable members of a config, for the withers. */
    private static final class Copy {
        private final HostConfig from;
        InetSocketAddress runtimeBind;
        InetSocketAddress peerBind;
        Duration pollInterval;
        Duration heartbeatInterval;
        Duration drainTimeout;
        Duration stopGrace;
        TimeScale timeScale;
        Path artifactRoot;
        Clock clock;
        ServingSettings serving;
        ArtifactStore artifacts;
        CopyLogSink copyLogSink;
        ContainerEngine containers;
        Optional<SigV4Verifier> clientSignatures;

        Copy(HostConfig from) {
            this.from = from;
            this.runtimeBind = from.runtimeBind;
            this.peerBind = from.peerBind;
            this.pollInterval = from.pollInterval;
            this.heartbeatInterval = from.heartbeatInterval;
            this.drainTimeout = from.drainTimeout;
            this.stopGrace = from.stopGrace;
            this.timeScale = from.timeScale;
            this.artifactRoot = from.artifactRoot;
            this.clock = from.clock;
            this.serving = from.serving;
            this.artifacts = from.artifacts;
            this.copyLogSink = from.copyLogSink;
            this.containers = from.containers;
            this.clientSignatures = from.clientSignatures;
        }

        HostConfig build() {
            return new HostConfig(
                    from.endpointName,
                    from.variantName,
                    from.instanceId,
                    from.address,
                    runtimeBind,
                    peerBind,
                    from.capacity,
                    pollInterval,
                    heartbeatInterval,
                    drainTimeout,
                    stopGrace,
                    from.pingInterval,
                    timeScale,
                    artifactRoot,
                    from.logsDir,
                    from.workDir,
                    clock,
                    serving,
                    artifacts,
                    copyLogSink,
                    containers,
                    clientSignatures);
        }
    }
}
