package dev.stowage.host.ec2;

import dev.stowage.functions.api.HostApi;
import dev.stowage.host.HostCapacity;
import dev.stowage.host.HostConfig;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.capacity.CapacityDetector;
import dev.stowage.host.control.ApiFleetPort;
import dev.stowage.host.control.ApiRoutingDirectory;
import dev.stowage.host.control.Backoff;
import dev.stowage.host.control.SignedJsonClient;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.metrics.MetricsPublisher;
import java.net.InetSocketAddress;
import java.util.function.Function;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * How a host on EC2 is put together: the control plane through the API's {@code /host} (fleet reports and routing),
 * the runtime API on every interface, capacity detected (or simulated), and the adapters below. Each adapter that
 * differs from local mode is one constructor argument, so the AWS ones plug in with a line each.
 *
 * @param metrics where the host's metrics go, given its environment
 */
public record Ec2HostWiring(Function<HostEnvironment, MetricsPublisher> metrics) {

    /**
     * Today's adapters: metrics kept in memory (the CloudWatch publisher plugs in here); copy logs in files and
     * artifacts from a local folder under {@link HostEnvironment#homeDir()}, as {@link HostConfig} sets them.
     */
    public static Ec2HostWiring defaults() {
        return new Ec2HostWiring(environment -> new InMemoryMetrics());
    }

    public InferenceHost host(
            HostEnvironment environment,
            HostIdentity identity,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        SignedJsonClient api = new SignedJsonClient(
                environment.hostApi(), HostApi.TARGET_PREFIX, environment.region(), credentials, Backoff.standard());
        HostCapacity capacity = environment
                .simulatedInstanceType()
                .map(CapacityDetector::simulated)
                .orElseGet(CapacityDetector::detect);
        HostConfig config = HostConfig.defaults(
                        identity.endpointName(),
                        identity.variantName(),
                        identity.instanceId(),
                        identity.address(),
                        capacity,
                        environment.homeDir())
                .withRuntimeBind(new InetSocketAddress(environment.runtimePort()));
        return new InferenceHost(
                config, new ApiFleetPort(api), metrics.apply(environment), ApiRoutingDirectory.of(api));
    }
}
