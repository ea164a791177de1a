package dev.stowage.domain.fleet;

import dev.stowage.domain.Arns;
import dev.stowage.domain.alarms.AlarmStates;
import dev.stowage.domain.app.AppendContext;
import dev.stowage.domain.app.CommandService;
import dev.stowage.domain.app.ConcurrencyConflict;
import dev.stowage.domain.app.EventStore;
import dev.stowage.domain.app.FreshReads;
import dev.stowage.domain.app.LivenessStore;
import dev.stowage.domain.app.SnapshotStore;
import dev.stowage.domain.app.StreamIds;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.fleet.FleetCommand.ApplyPlan;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.placement.Decision;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.Placement;
import dev.stowage.domain.placement.Plan;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.domain.views.ViewStore;
import dev.stowage.events.FleetEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final int MAX_ATTEMPTS = 8;
    /** DynamoDB transactions hold at most 100 items. */
    static final int MAX_EVENTS_PER_ROUND = 100;

    private final FleetRepository repository;
    private final ViewStore views;
    private final LivenessStore liveness;
    private final InstanceTypeCatalog catalog;
    private final Clock clock;
    private final FleetSettings settings;
    private final CommandService commands;
    private final FleetDecider fleets = new FleetDecider();
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

    /** Every fleet of every endpoint the views know, for the periodic tick. */
    public List<FleetKey> allFleets() {
        List<FleetKey> keys = new ArrayList<>();
        views.list(ViewKind.ENDPOINT).forEach(row -> keys.addAll(fleetsOfEndpoint(row.name())));
        return keys;
    }

    private List<FleetKey> fleetsOfEndpoint(String endpointName) {
        if (commands.load(StreamIds.endpoint(endpointName), endpoints).state() instanceof EndpointState.Present p) {
            return ProductionVariant.of(p.endpointConfig()).stream()
                    .map(v -> new FleetKey(endpointName, v.variantName()))
                    .toList();
        }
        return List.of();
    }

    /** One round for one fleet: reap, plan, append, advance statuses. */
    public void reconcile(FleetKey key) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            EndpointState endpoint = commands.load(StreamIds.endpoint(key.endpointName()), endpoints)
                    .state();
            FleetRepository.Loaded loaded = repository.load(key.stream());
            long version = loaded.version();
            FleetState fleet = loaded.state();
            Map<String, InferenceComponentState.Present> present = components(key, fleet);
            FleetPlanning planning = FleetPlanning.of(key, endpoint, fleet, catalog, settings, now);
            if (planning.idle()) {
                return;
            }
            List<FleetEvent> decided = new ArrayList<>(reap(key, fleet, now));
            FleetState reaped = fold(fleet, decided);
            Set<String> stale = Rollout.staleCopies(reaped, present);
            Map<String, IcTarget> targets = Rollout.batched(
                    planning.targets(present, reaped), reaped, present, stale, now, settings.timeScale());
            Plan plan =
                    Placement.plan(PlacementInput.view(reaped, planning.capacity(), stale), targets, planning.policy());
            List<FleetEvent> applied = new ArrayList<>(
                    fleets.decide(new ApplyPlan(plan, planning.instanceType(), specifications(present), now), reaped));
            Set<String> blocked = plan.only(Decision.Blocked.class).stream()
                    .map(Decision.Blocked::inferenceComponent)
                    .collect(java.util.stream.Collectors.toSet());
            Defragmenter.move(fold(reaped, applied), targets, blocked, stale)
                    .ifPresent(move -> applied.addAll(fleets.decide(
                            new ApplyPlan(
                                    withBlocked(move, plan), planning.instanceType(), specifications(present), now),
                            fold(reaped, applied))));
            decided.addAll(applied);
            decided.addAll(Rollout.removals(fold(reaped, applied), present, stale, now, settings.timeScale()));
            if (decided.size() > MAX_EVENTS_PER_ROUND) {
                // A plan's decisions never depend on each other's freed resources, so any prefix of it is
                // safe on its own; the append wakes the reactor again for the rest.
                decided = new ArrayList<>(decided.subList(0, MAX_EVENTS_PER_ROUND));
            }
            if (!decided.isEmpty()) {
                try {
                    repository.append(
                            key.stream(), version, decided, new AppendContext(now, "placement", key.stream()));
                } catch (ConcurrencyConflict lost) {
                    continue;
                }
            }
            statuses.advance(key, endpoint, planning, present, fold(fleet, decided), now);
            return;
        }
    }

    /** Which specification each component's new copies run. */
    private static Map<String, Instant> specifications(Map<String, InferenceComponentState.Present> present) {
        Map<String, Instant> specified = new java.util.HashMap<>();
        present.forEach((name, ic) -> specified.put(name, ic.specifiedAt()));
        return specified;
    }

    /** A plan of one move that keeps what {@code plan} blocked blocked (a plan unblocks what it does not name). */
    private static Plan withBlocked(Decision move, Plan plan) {
        List<Decision> decisions = new ArrayList<>(List.of(move));
        decisions.addAll(plan.only(Decision.Blocked.class));
        return new Plan(decisions);
    }

    /** Registered instances silent for longer than the heartbeat timeout, and requests that never registered. */
    private List<FleetEvent> reap(FleetKey key, FleetState fleet, Instant now) {
        List<FleetEvent> lost = new ArrayList<>();
        for (FleetInstanceRecord instance : fleet.instances().values()) {
            Instant last =
                    liveness.lastBeat(key.stream(), instance.instanceId()).orElse(instance.since());
            boolean requested = instance.status() == FleetInstanceRecord.Status.REQUESTED;
            var timeout = requested ? settings.bootTimeout() : settings.heartbeatTimeout();
            if (last.plus(timeout).isBefore(now)) {
                String why = requested
                        ? "It did not register within " + timeout.toSeconds() + " s."
                        : "No heartbeat for " + timeout.toSeconds() + " s.";
                lost.add(new FleetEvent.InstanceLost(instance.instanceId(), why, now));
            }
        }
        return lost;
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
        Map<String, InferenceComponentState.Present> present = new java.util.TreeMap<>();
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

    private FleetState fold(FleetState state, List<FleetEvent> more) {
        return repository.fold(state, more);
    }
}
