package dev.stowage.domain.fleet;

import dev.stowage.domain.Arns;
import dev.stowage.domain.alarms.AlarmStates;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.ConcurrencyConflict;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.FreshReads;
import dev.stowage.domain.store.LivenessStore;
import dev.stowage.domain.store.OnConflict;
import dev.stowage.domain.store.SnapshotStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.domain.views.ViewStore;
import dev.stowage.events.FleetEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps each fleet converging on what its endpoint and inference components ask for. Woken by any change to an
 * endpoint, inference component or fleet stream (and by a periodic tick, for cool-downs and liveness), it reads
 * them all as their streams say now, declares silent instances lost, plans placement and appends the plan to the
 * fleet stream conditionally on the version it read — a lost race plans again from the new state, so no device
 * is ever handed out twice. It then moves statuses along: components to {@code InService}, {@code Failed} or
 * gone, endpoints to {@code InService} or gone; an update with a rolling update policy is rolled back when its time
 * runs out or one of its alarms ({@code alarms}) is in ALARM.
 */
public final class PlacementReactor {
    private final FleetRepository repository;
    private final ViewStore views;
    private final LivenessStore liveness;
    private final InstanceTypeCatalog catalog;
    private final Clock clock;
    private final FleetSettings settings;
    private final CommandService commands;
    private final EndpointDecider endpoints;
    private final InferenceComponentDecider components;
    private final StatusAdvancer statuses;
    private final FreshReads<InferenceComponentState> componentReads;

    public PlacementReactor(
            EventStore events,
            SnapshotStore snapshots,
            ViewStore views,
            LivenessStore liveness,
            InstanceTypeCatalog catalog,
            Arns arns,
            Clock clock,
            FleetSettings settings,
            AlarmStates alarms) {
        this.repository = new FleetRepository(events, snapshots);
        this.views = views;
        this.liveness = liveness;
        this.catalog = catalog;
        this.clock = clock;
        this.settings = settings;
        this.commands = new CommandService(events, clock);
        this.endpoints = new EndpointDecider(arns);
        this.components = new InferenceComponentDecider(arns, catalog);
        this.statuses = new StatusAdvancer(commands, endpoints, components, settings, alarms);
        this.componentReads = new FreshReads<>(events, stream -> CommandService.fold(components, stream));
    }

    /** The fleets a change to {@code stream} may concern. */
    public List<FleetKey> fleetsOf(String stream) {
        String name = StreamIds.nameOf(stream);
        return switch (StreamIds.typeOf(stream)) {
            case StreamIds.FLEET -> List.of(FleetKey.ofStream(stream));
            case StreamIds.ENDPOINT -> fleetsOfEndpoint(name);
            case StreamIds.INFERENCE_COMPONENT ->
                commands.load(StreamIds.inferenceComponent(name), components).state()
                                instanceof InferenceComponentState.Present p
                        ? List.of(new FleetKey(p.endpointName(), p.variantName()))
                        : List.of();
            default -> List.of();
        };
    }

    /**
     * Every fleet of every endpoint the views know, and of every component they know (whose endpoint may be gone),
     * for the periodic tick.
     */
    public List<FleetKey> allFleets() {
        Set<FleetKey> keys = new LinkedHashSet<>();
        views.list(ViewKind.ENDPOINT).forEach(row -> keys.addAll(fleetsOfEndpoint(row.name())));
        views.list(ViewKind.INFERENCE_COMPONENT).stream()
                .map(InferenceComponentRow.class::cast)
                .forEach(row -> keys.add(new FleetKey(row.endpointName(), row.variantName())));
        return List.copyOf(keys);
    }

    private List<FleetKey> fleetsOfEndpoint(String endpointName) {
        if (commands.load(StreamIds.endpoint(endpointName), endpoints).state() instanceof EndpointState.Present p) {
            return ProductionVariant.of(p.endpointConfig()).stream()
                    .map(v -> new FleetKey(endpointName, v.variantName()))
                    .toList();
        }
        return List.of();
    }

    /**
     * One round for one fleet: load, decide ({@link FleetRound}), append conditionally, advance statuses. A round that
     * loses the race for the fleet stream runs again from what won; when every attempt loses, the winners' appends
     * wake the reactor again.
     */
    public void reconcile(FleetKey key) {
        try {
            OnConflict.retry(() -> round(key));
        } catch (ConcurrencyConflict lost) {
            // Another writer keeps winning; each of its appends is a wake-up for this fleet.
        }
    }

    private boolean round(FleetKey key) {
        Instant now = clock.instant();
        EndpointState endpoint =
                commands.load(StreamIds.endpoint(key.endpointName()), endpoints).state();
        FleetRepository.Loaded loaded = repository.load(key.stream());
        FleetState fleet = loaded.state();
        Map<String, InferenceComponentState.Present> present = components(key, fleet);
        FleetPlanning planning = FleetPlanning.of(key, endpoint, fleet, catalog, settings, now);
        if (planning.idle()) {
            if (planning.endpointGoing()) {
                // Nothing left to retire (or never anything, for a model variant): the deletion completes here.
                statuses.advance(key, endpoint, planning, present, fleet, now);
            }
            return false;
        }
        List<FleetEvent> decided = FleetRound.decide(fleet, planning, present, heartbeats(key, fleet), settings, now);
        if (!decided.isEmpty()) {
            repository.append(
                    key.stream(), loaded.version(), decided, new AppendContext(now, "placement", key.stream()));
        }
        statuses.advance(key, endpoint, planning, present, repository.fold(fleet, decided), now);
        return true;
    }

    /** When each instance of the fleet last beat, for those that ever did. */
    private Map<String, Instant> heartbeats(FleetKey key, FleetState fleet) {
        Map<String, Instant> beats = new TreeMap<>();
        fleet.instances().keySet().forEach(id -> liveness.lastBeat(key.stream(), id)
                .ifPresent(at -> beats.put(id, at)));
        return beats;
    }

    /**
     * The components on this fleet: those the views list, those holding copies, as their own streams say now (read
     * again only when they changed since the last round, {@link ComponentReads}).
     */
    private Map<String, InferenceComponentState.Present> components(FleetKey key, FleetState fleet) {
        TreeSet<String> names = new TreeSet<>();
        views.list(ViewKind.INFERENCE_COMPONENT).stream()
                .map(InferenceComponentRow.class::cast)
                .filter(row -> row.endpointName().equals(key.endpointName())
                        && row.variantName().equals(key.variantName()))
                .forEach(row -> names.add(row.name()));
        fleet.copies().values().forEach(copy -> names.add(copy.inferenceComponentName()));
        fleet.blocked().keySet().forEach(names::add);
        Map<String, InferenceComponentState.Present> present = new TreeMap<>();
        componentReads
                .load(names.stream().map(StreamIds::inferenceComponent).toList())
                .forEach((stream, state) -> {
                    if (state instanceof InferenceComponentState.Present p
                            && p.endpointName().equals(key.endpointName())
                            && p.variantName().equals(key.variantName())) {
                        present.put(StreamIds.nameOf(stream), p);
                    }
                });
        return present;
    }
}
