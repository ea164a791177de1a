package dev.stowage.functions.api;

import dev.stowage.domain.Arns;
import dev.stowage.domain.app.ControlPlane;
import dev.stowage.domain.app.EventStore;
import dev.stowage.domain.app.SnapshotStore;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.views.Projector;
import dev.stowage.domain.views.ViewStore;
import dev.stowage.functions.config.Stores;
import java.time.Clock;
import java.util.List;

/**
 * Everything the API needs, built once per process from its stores. After each append the API projects the
 * changed stream at once (the stream-driven projector stays the guarantee), so a List right after a Create
 * shows the new resource.
 */
public record ApiWiring(EventStore events, ViewStore views, SnapshotStore snapshots, Arns arns, Clock clock) {

    /** Every service the API handler serves. */
    public List<ServiceApi> services() {
        return List.of(sageMakerApi(), new StowageApi(InstanceTypeCatalog.standard(), reads(), arns));
    }

    public SageMakerApi sageMakerApi() {
        Projector projector = new Projector(events, views);
        ControlPlane controlPlane = new ControlPlane(
                events,
                clock,
                arns,
                InstanceTypeCatalog.standard(),
                endpoint -> reads().inferenceComponentsOn(endpoint),
                stream -> catchUpQuietly(projector, stream));
        return new SageMakerApi(controlPlane, reads(), arns);
    }

    private Reads reads() {
        return new Reads(events, views, new FleetRepository(events, snapshots));
    }

    private static void catchUpQuietly(Projector projector, String stream) {
        try {
            projector.catchUp(stream);
        } catch (RuntimeException e) {
            // The stream poller or Lambda's event source mapping projects it again; the write has succeeded.
        }
    }

    /** The wiring of a Lambda container, from its environment. */
    public static ApiWiring fromEnvironment() {
        return of(Stores.fromEnvironment(), Clock.systemUTC());
    }

    public static ApiWiring of(Stores stores, Clock clock) {
        return new ApiWiring(stores.events(), stores.views(), stores.snapshots(), stores.arns(), clock);
    }
}
