package dev.stowage.host.control;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.host.serving.BackgroundDemand;
import dev.stowage.host.serving.CapacityDemand;
import dev.stowage.host.serving.RoutingDirectory;
import dev.stowage.wire.hostapi.RoutingSnapshot;
import dev.stowage.wire.hostapi.RoutingSnapshotJson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routing directory of a host on AWS: one {@code DescribeRouting} call reads all an endpoint's router needs, and
 * the answer is kept for {@code fresh} (concurrent misses share one call). An endpoint that does not exist is not
 * remembered. When the API cannot be read, an answer up to {@code stale} old is used instead, so a short outage of
 * the control plane does not stop serving. A waiting request is told to the API in the background, once at a time per
 * component.
 */
public final class ApiRoutingDirectory implements RoutingDirectory {
    private static final System.Logger LOG = System.getLogger(ApiRoutingDirectory.class.getName());

    private final SignedJsonClient api;
    private final long freshNanos;
    private final long staleNanos;
    private final CapacityDemand demand;
    private final Map<String, Cached> byEndpoint = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<RoutingSnapshot>> inFlight = new ConcurrentHashMap<>();
    private volatile String account = "";

    /** A snapshot and when it was read ({@link System#nanoTime()}). */
    private record Cached(RoutingSnapshot snapshot, long readAt) {}

    public ApiRoutingDirectory(SignedJsonClient api, Duration fresh, Duration stale) {
        this.api = api;
        this.freshNanos = fresh.toNanos();
        this.staleNanos = stale.toNanos();
        this.demand = new BackgroundDemand((endpoint, variant, component) -> api.call(
                "ReportWaitingRequest",
                JsonNodeFactory.instance
                        .objectNode()
                        .put("EndpointName", endpoint)
                        .put("VariantName", variant)
                        .put("InferenceComponentName", component)));
    }

    /** Answers kept 1 s, and up to 5 min when the API cannot be read. */
    public static ApiRoutingDirectory of(SignedJsonClient api) {
        return new ApiRoutingDirectory(api, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /** The account of the last answer (every answer names it; a router asks after reading an endpoint). */
    @Override
    public String account() {
        return account;
    }

    @Override
    public Optional<EndpointRow> endpoint(String endpointName) {
        return snapshot(endpointName).endpoint();
    }

    @Override
    public Optional<InferenceComponentRow> component(String inferenceComponentName) {
        long now = System.nanoTime();
        for (Cached cached : byEndpoint.values()) {
            Optional<InferenceComponentRow> known = cached.snapshot().component(inferenceComponentName);
            if (known.isPresent() && now - cached.readAt() < freshNanos) {
                return known;
            }
        }
        return read("InferenceComponentName", inferenceComponentName).component(inferenceComponentName);
    }

    @Override
    public List<PeerCopy> copies(String endpointName, String variantName, String inferenceComponentName) {
        return snapshot(endpointName).variant(variantName).stream()
                .flatMap(routes -> routes.copiesOf(inferenceComponentName).stream())
                .map(copy -> new PeerCopy(copy.copyId(), copy.instanceId(), copy.host()))
                .toList();
    }

    @Override
    public List<URI> hosts(String endpointName, String variantName) {
        return snapshot(endpointName)
                .variant(variantName)
                .map(RoutingSnapshot.VariantRoutes::hosts)
                .orElse(List.of());
    }

    @Override
    public void waiting(String endpointName, String variantName, String inferenceComponentName) {
        demand.waiting(endpointName, variantName, inferenceComponentName);
    }

    private RoutingSnapshot snapshot(String endpointName) {
        Cached cached = byEndpoint.get(endpointName);
        if (cached != null && System.nanoTime() - cached.readAt() < freshNanos) {
            return cached.snapshot();
        }
        try {
            return read("EndpointName", endpointName);
        } catch (ControlPlaneException e) {
            if (cached != null && System.nanoTime() - cached.readAt() < staleNanos) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "routing " + endpointName + " on a stale answer: " + e.getMessage());
                return cached.snapshot();
            }
            throw e;
        }
    }

    /** Reads the snapshot of the endpoint {@code member} names, sharing a call already under way for the same name. */
    private RoutingSnapshot read(String member, String name) {
        String key = member + "/" + name;
        CompletableFuture<RoutingSnapshot> mine = new CompletableFuture<>();
        CompletableFuture<RoutingSnapshot> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            long readAt = System.nanoTime();
            RoutingSnapshot snapshot = RoutingSnapshotJson.decode(api.call(
                    "DescribeRouting", JsonNodeFactory.instance.objectNode().put(member, name)));
            account = snapshot.account();
            snapshot.endpoint()
                    .ifPresentOrElse(endpoint -> byEndpoint.put(endpoint.name(), new Cached(snapshot, readAt)), () -> {
                        if (member.equals("EndpointName")) {
                            byEndpoint.remove(name);
                        }
                    });
            mine.complete(snapshot);
            return snapshot;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }
}
