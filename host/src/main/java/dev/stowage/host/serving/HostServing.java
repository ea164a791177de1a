package dev.stowage.host.serving;

import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.metrics.MetricsPublisher;
import dev.stowage.host.trust.HostTrust;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;

/**
 * Everything a host runs to serve invocations: its router ({@link InvocationService}) behind the runtime port ({@link
 * HostRuntimeServer}, for the load balancer), the way in for peers ({@link PeerForwarding}) and their load reports on
 * the peer port ({@link PeerServer}), and the gossip of its copies' loads to the fleet ({@link LoadGossip}); all of it
 * authenticated with {@link HostTrust} (ADR 23).
 */
public final class HostServing implements AutoCloseable {
    private final InvocationService invocations;
    private final HostRuntimeServer server;
    private final PeerServer peers;
    private final LoadGossip gossip;
    private final LoadSampler sampler;
    private final CopyClient peerClient = new CopyClient();
    private final URI address;

    /**
     * Starts serving: the runtime API on {@code runtimeBind}, peers on {@code peerBind}. {@code advertised} is where
     * peers reach this host's peer port; empty: the bound address.
     */
    public HostServing(
            Identity identity,
            CopyTable copies,
            RoutingDirectory directory,
            MetricsPublisher metrics,
            Clock clock,
            ServingSettings settings,
            HostTrust trust,
            Binds binds,
            String advertised) {
        InvocationMetrics invocationMetrics = new InvocationMetrics(metrics, clock);
        this.invocations = new InvocationService(
                identity.instanceId(), copies, directory, invocationMetrics, settings, trust.signer());
        this.sampler = new LoadSampler(identity, copies, invocationMetrics, settings.samplePeriod());
        this.server = HostRuntimeServer.start(binds.runtime(), invocations, trust.gate());
        try {
            this.peers = PeerServer.start(
                    binds.peers(),
                    new PeerForwarding(copies, peerClient, settings, sampler),
                    invocations.board(),
                    trust.verifier());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        this.address = advertised.isBlank() ? peers.address() : URI.create(advertised);
        this.gossip = new LoadGossip(
                copies,
                directory,
                identity.endpointName(),
                identity.variantName(),
                settings.gossipInterval(),
                trust.signer());
        gossip.start(address);
    }

    /** The instance a host serves as. */
    public record Identity(String endpointName, String variantName, String instanceId) {}

    /** Where the runtime port and the peer port listen (port 0: any free port). */
    public record Binds(InetSocketAddress runtime, InetSocketAddress peers) {}

    /** Where peers reach this host (its peer port): the address it registers with. */
    public URI address() {
        return address;
    }

    /** Where load balancers and clients reach this host's runtime API. */
    public URI runtimeAddress() {
        return server.address();
    }

    public InvocationService invocations() {
        return invocations;
    }

    @Override
    public void close() {
        sampler.close();
        gossip.close();
        peers.close();
        server.close();
        invocations.close();
        peerClient.close();
    }
}
