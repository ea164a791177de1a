package dev.stowage.host.ec2;

import dev.stowage.host.HostCapacity;
import dev.stowage.host.HostConfig;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.capacity.CapacityDetector;
import dev.stowage.host.control.ApiFleetPort;
import dev.stowage.host.control.ApiRoutingDirectory;
import dev.stowage.host.control.Backoff;
import dev.stowage.host.control.SignedJsonClient;
import dev.stowage.host.copies.S3ArtifactStore;
import dev.stowage.host.docker.DockerConfigAuth;
import dev.stowage.host.docker.DockerRuntime;
import dev.stowage.host.docker.RegistryAuth;
import dev.stowage.host.logs.CloudWatchCopyLogs;
import dev.stowage.host.metrics.CloudWatchMetricsPublisher;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.metrics.MetricsPublisher;
import dev.stowage.host.runtime.ContainerEngine;
import dev.stowage.wire.protocol.ServiceModel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Function;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * How a host on EC2 is put together: the control plane through the API's {@code /host} (fleet reports, routing and
 * keys), the runtime API and the peer port on every interface (the security groups keep them to the load balancer and
 * the hosts), capacity detected (or simulated), container images on the instance's Docker
 * Engine with the devices placement assigns (none when the capacity is simulated), and the adapters that differ from
 * local mode, one argument each.
 *
 * @param metrics where the host's metrics go, given its environment
 * @param storage where artifacts come from and copy logs go, given the host's configuration, environment and identity
 * @param registries the credentials images are pulled with, given the host's environment
 */
public record Ec2HostWiring(
        Function<HostEnvironment, MetricsPublisher> metrics,
        Storage storage,
        Function<HostEnvironment, RegistryAuth> registries) {
    private static final System.Logger LOG = System.getLogger(Ec2HostWiring.class.getName());

    /** Where the instance's device nodes are ({@code /dev/neuron<i>}). */
    static final Path DEVICE_ROOT = Path.of("/dev");

    /** Sets where a host's artifacts come from and its copy logs go. */
    @FunctionalInterface
    public interface Storage {
        HostConfig apply(HostConfig config, HostEnvironment environment, HostIdentity identity);
    }

    /**
     * On AWS, with the instance role: metrics to CloudWatch ({@code Stowage/…} namespaces), artifacts from S3, copy
     * logs to CloudWatch Logs as well as to files, images from ECR with a token of {@code ecr:GetAuthorizationToken}
     * (other registries with Docker's {@code config.json}).
     */
    public static Ec2HostWiring aws() {
        return new Ec2HostWiring(
                environment -> CloudWatchMetricsPublisher.fromEnvironment(),
                (config, environment, identity) -> config.withArtifacts(S3ArtifactStore.fromEnvironment())
                        .withCopyLogSink(CloudWatchCopyLogs.forHost(
                                environment.logGroupPrefix(), identity.instanceId(), environment.logRetentionDays())),
                environment -> EcrRegistryAuth.withDefaultCredentials()
                        .orElse(new DockerConfigAuth(environment.dockerConfig())));
    }

    /**
     * Without AWS services: metrics kept in memory, copy logs in files and artifacts from a local folder under {@link
     * HostEnvironment#homeDir()}, as {@link HostConfig} sets them, and images pulled with Docker's {@code
     * config.json} only.
     */
    public static Ec2HostWiring withoutAws() {
        return new Ec2HostWiring(
                environment -> new InMemoryMetrics(),
                (config, environment, identity) -> config,
                environment -> new DockerConfigAuth(environment.dockerConfig()));
    }

    /**
     * The instance's Docker Engine ({@link HostEnvironment#dockerHost()}), or, when none answers, an engine that
     * refuses container images saying so; the host still serves built-in images.
     */
    ContainerEngine containers(HostEnvironment environment) {
        ContainerEngine engine = DockerRuntime.connect(
                environment.dockerHost(),
                environment.deployment(),
                environment.attachesDevices(),
                DEVICE_ROOT,
                registries.apply(environment));
        engine.unavailable()
                .ifPresent(
                        reason -> LOG.log(System.Logger.Level.WARNING, "container images will be refused: " + reason));
        return engine;
    }

    public Ec2Host host(
            HostEnvironment environment,
            HostIdentity identity,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        SignedJsonClient api = new SignedJsonClient(
                environment.hostApi(),
                ServiceModel.stowageHost().targetPrefix(),
                environment.region(),
                credentials,
                Backoff.standard());
        HostCapacity capacity = environment
                .simulatedInstanceType()
                .map(CapacityDetector::simulated)
                .orElseGet(CapacityDetector::detect);
        HostConfig config = storage.apply(
                HostConfig.defaults(
                                identity.endpointName(),
                                identity.variantName(),
                                identity.instanceId(),
                                identity.address(),
                                capacity,
                                environment.homeDir())
                        .withRuntimeBind(new InetSocketAddress(environment.runtimePort()))
                        .withPeerBind(new InetSocketAddress(environment.peerPort()))
                        .withContainers(containers(environment)),
                environment,
                identity);
        MetricsPublisher publisher = metrics.apply(environment);
        return new Ec2Host(
                new InferenceHost(config, new ApiFleetPort(api), publisher, ApiRoutingDirectory.of(api)), publisher);
    }
}
