package dev.stowage.host.serving;

import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.metrics.MetricsPublisher;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;

/**
 * Everything a host runs to serve invocations: its router ({@link InvocationService}), the way in for peers
 * ({@link PeerForwarding}), the HTTP server, and the gossip of its copies' loads to the fleet ({@link LoadGossip}).
 */
public final class HostServing implements AutoCloseable {
    private final InvocationService invocations;
    private final HostRuntimeServer server;
    private final LoadGossip gossip;
    private final LoadSampler sampler;
    private final CopyClient peerClient = new CopyClient();
    private final URI address;

    /**
     * Starts serving on {@code bind}. {@code advertised} is where others reach this host; empty: the bound address.
     */
    public HostServing(
            Identity identity,
            CopyTable copies,
            RoutingDirectory directory,
            MetricsPublisher metrics,
            Clock clock,
            ServingSettings settings,
            InetSocketAddress bind,
            String advertised) {
        InvocationMetrics invocationMetrics = new InvocationMetrics(metrics, clock);
        this.invocations = new InvocationService(identity.instanceId(), copies, directory, invocationMetrics, settings);
        this.sampler = new LoadSampler(identity, copies, invocationMetrics, settings.samplePeriod());
        this.server =
                HostRuntimeServer.start(bind, invocations, new PeerForwarding(copies, peerClient, settings, sampler));
        this.address = advertised.isBlank() ? server.address() : URI.create(advertised);
        this.gossip = new LoadGossip(
                copies, directory, identity.endpointName(), identity.variantName(), settings.gossipInterval());
        gossip.start(address);
    }

    /** The instance a host serves as. */
    public record Identity(String endpointName, String variantName, String instanceId) {}

    /** Where peers, load balancers and clients reach this host's runtime API. */
    public URI address() {
        return address;
    }

    public InvocationService invocations() {
        return invocations;
    }

    @Override
    public void close() {
        sampler.close();
        gossip.close();
        server.close();
        invocations.close();
        peerClient.close();
    }
}
