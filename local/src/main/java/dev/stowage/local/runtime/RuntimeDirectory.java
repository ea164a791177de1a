package dev.stowage.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.SnapshotStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.EndpointView;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.InferenceComponentView;
import dev.stowage.functions.dynamodb.WakeUps;
import dev.stowage.host.serving.CapacityDemand;
import dev.stowage.host.serving.RoutingDirectory;
import dev.stowage.wire.hostapi.RoutingSnapshot.VariantRoutes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoints, inference components and fleets the routers look up, kept in memory so an invocation does no
 * DynamoDB read. A miss reads the resource's own stream (consistent; a fleet from its snapshot); every record of the
 * events stream for it drops the entry, so a change is seen as soon as the stream poller delivers it (within a poll
 * interval). What does not exist is not remembered: the next invocation reads again.
 */
public final class RuntimeDirectory implements RoutingDirectory {
    private final EventStore events;
    private final FleetRepository fleets;
    private final String account;
    private final CapacityDemand demand;
    private final Map<String, EndpointRow> endpoints = new ConcurrentHashMap<>();
    private final Map<String, InferenceComponentRow> components = new ConcurrentHashMap<>();
    private final Map<String, Routes> fleetRoutes = new ConcurrentHashMap<>();

    /** A fleet's routes and when they were read ({@link System#nanoTime()}). */
    private record Routes(VariantRoutes routes, long readAt) {}

    /** A fleet listing no copy of a component is read again at most this often (a flood of requests reads once). */
    private static final long REREAD_NANOS = 50_000_000L;

    public RuntimeDirectory(EventStore events, SnapshotStore snapshots, String account, CapacityDemand demand) {
        this.demand = demand;
        this.events = events;
        this.fleets = new FleetRepository(events, snapshots);
        this.account = account;
    }

    @Override
    public String account() {
        return account;
    }

    /**
     * The cached routes, read again (at most every 50 ms) when they list no copy of the component: placement's
     * periodic tick can mark a component InService on a copy that just loaded before the events stream has told this
     * cache, and a caller who saw InService must not be told there is no capacity.
     */
    @Override
    public List<PeerCopy> copies(String endpointName, String variantName, String inferenceComponentName) {
        VariantRoutes routes = routes(endpointName, variantName);
        if (routes.copiesOf(inferenceComponentName).isEmpty()) {
            // compute, as computeIfAbsent, holds the entry while it reads: an invalidation meanwhile waits, then drops
            // it; a flood of requests reads the fleet once per REREAD_NANOS, not once each
            routes = fleetRoutes
                    .compute(
                            StreamIds.fleet(endpointName, variantName),
                            (stream, cached) -> cached != null && System.nanoTime() - cached.readAt() < REREAD_NANOS
                                    ? cached
                                    : read(stream, variantName))
                    .routes();
        }
        return routes.copiesOf(inferenceComponentName).stream()
                .map(copy -> new PeerCopy(copy.copyId(), copy.instanceId(), copy.host()))
                .toList();
    }

    @Override
    public void waiting(String endpointName, String variantName, String inferenceComponentName) {
        demand.waiting(endpointName, variantName, inferenceComponentName);
    }

    @Override
    public List<URI> hosts(String endpointName, String variantName) {
        return routes(endpointName, variantName).hosts();
    }

    private VariantRoutes routes(String endpointName, String variantName) {
        return fleetRoutes
                .computeIfAbsent(StreamIds.fleet(endpointName, variantName), stream -> read(stream, variantName))
                .routes();
    }

    private Routes read(String stream, String variantName) {
        return new Routes(VariantRoutes.of(variantName, fleets.load(stream).state()), System.nanoTime());
    }

    @Override
    public Optional<EndpointRow> endpoint(String name) {
        EndpointRow cached = endpoints.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<EndpointRow> read = EndpointView.describe(events.read(StreamIds.endpoint(name)));
        read.ifPresent(row -> endpoints.put(name, row));
        return read;
    }

    @Override
    public Optional<InferenceComponentRow> component(String name) {
        InferenceComponentRow cached = components.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<InferenceComponentRow> read =
                InferenceComponentView.describe(events.read(StreamIds.inferenceComponent(name)));
        read.ifPresent(row -> components.put(name, row));
        return read;
    }

    /** Forgets what {@code stream} held. */
    void invalidate(String stream) {
        String name = StreamIds.nameOf(stream);
        switch (StreamIds.typeOf(stream)) {
            case StreamIds.ENDPOINT -> endpoints.remove(name);
            case StreamIds.INFERENCE_COMPONENT -> components.remove(name);
            case StreamIds.FLEET -> fleetRoutes.remove(stream);
            default -> {}
        }
    }

    /** A stream consumer that drops the entries the records' streams name; it never fails. */
    public RequestHandler<DynamodbEvent, StreamsEventResponse> invalidator() {
        return (DynamodbEvent event, Context context) -> {
            event.getRecords().forEach(record -> WakeUps.streamOf(record).ifPresent(this::invalidate));
            return new StreamsEventResponse(List.of());
        };
    }
}
