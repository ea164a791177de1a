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
import dev.stowage.host.logs.CloudWatchCopyLogs;
import dev.stowage.host.metrics.CloudWatchMetricsPublisher;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.metrics.MetricsPublisher;
import dev.stowage.wire.protocol.ServiceModel;
import java.net.InetSocketAddress;
import java.util.function.Function;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * How a host on EC2 is put together: the control plane through the API's {@code /host} (fleet reports and routing),
 * the runtime API on every interface, capacity detected (or simulated), and the adapters that differ from local
 * mode, one argument each.
 *
 * @param metrics where the host's metrics go, given its environment
 * @param storage where artifacts come from and copy logs go, given the host's configuration, environment and identity
 */
public record Ec2HostWiring(Function<HostEnvironment, MetricsPublisher> metrics, Storage storage) {

    /** Sets where a host's artifacts come from and its copy logs go. */
    @FunctionalInterface
    public interface Storage {
        HostConfig apply(HostConfig config, HostEnvironment environment, HostIdentity identity);
    }

    /**
     * On AWS, with the instance role: metrics to CloudWatch ({@code Stowage/…} namespaces), artifacts from S3, copy
     * logs to CloudWatch Logs as well as to files.
     */
    public static Ec2HostWiring aws() {
        return new Ec2HostWiring(
                environment -> CloudWatchMetricsPublisher.fromEnvironment(),
                (config, environment, identity) -> config.withArtifacts(S3ArtifactStore.fromEnvironment())
                        .withCopyLogSink(CloudWatchCopyLogs.forHost(
                                environment.logGroupPrefix(), identity.instanceId(), environment.logRetentionDays())));
    }

    /**
     * Without AWS services: metrics kept in memory, copy logs in files and artifacts from a local folder under {@link
     * HostEnvironment#homeDir()}, as {@link HostConfig} sets them.
     */
    public static Ec2HostWiring withoutAws() {
        return new Ec2HostWiring(environment -> new InMemoryMetrics(), (config, environment, identity) -> config);
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
                        .withRuntimeBind(new InetSocketAddress(environment.runtimePort())),
                environment,
                identity);
        MetricsPublisher publisher = metrics.apply(environment);
        return new Ec2Host(
                new InferenceHost(config, new ApiFleetPort(api), publisher, ApiRoutingDirectory.of(api)), publisher);
    }
}
