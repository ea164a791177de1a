package dev.stowage.domain.fleet;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.component.Specifications;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.Allocatable;
import dev.stowage.domain.instances.Demand;
import dev.stowage.domain.instances.InstancePrices;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.placement.CopyDemand;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.InstanceCapacity;
import dev.stowage.domain.placement.InstancePool;
import dev.stowage.domain.placement.PlacementPolicy;
import dev.stowage.domain.placement.Resources;
import dev.stowage.domain.placement.ScaleIn;
import dev.stowage.events.Document;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one placement round aims at, from the endpoint's variant: the instance types new instances may be (its
 * pools by priority) and what each offers, the instance bounds and the copies each component wants. An endpoint that is being deleted (or is gone) wants
 * nothing, at once; one that is still {@code Creating} wants at least its initial instances.
 */
record FleetPlanning(
        Optional<ProductionVariant> variant,
        boolean endpointGoing,
        boolean endpointCreating,
        List<String> instanceTypes,
        Map<String, InstanceCapacity> capacities,
        FleetState fleet,
        FleetSettings settings,
        Instant now) {

    static FleetPlanning of(
            FleetKey key,
            EndpointState endpoint,
            FleetState fleet,
            InstanceTypeCatalog catalog,
            FleetSettings settings,
            Instant now) {
        Optional<ProductionVariant> variant = endpoint instanceof EndpointState.Present p
                ? ProductionVariant.of(p.endpointConfig()).stream()
                        .filter(v -> v.variantName().equals(key.variantName()))
                        .findFirst()
                : Optional.empty();
        boolean going = !(endpoint instanceof EndpointState.Present p) || p.status() == EndpointStatus.DELETING;
        boolean creating = endpoint instanceof EndpointState.Present p && p.status() == EndpointStatus.CREATING;
        List<String> types = variant.map(ProductionVariant::instanceTypesByPriority)
                .filter(list -> !list.isEmpty())
                .orElseGet(() -> fleet.instances().values().stream()
                        .map(FleetInstanceRecord::instanceType)
                        .limit(1)
                        .toList());
        Map<String, InstanceCapacity> capacities = new TreeMap<>();
        Set<String> known = new TreeSet<>(types);
        fleet.instances().values().forEach(i -> known.add(i.instanceType()));
        known.forEach(type -> catalog.find(type).ifPresent(t -> capacities.put(type, capacity(t.allocatable()))));
        List<String> placeable = types.stream().filter(capacities::containsKey).toList();
        return new FleetPlanning(variant, going, creating, placeable, capacities, fleet, settings, now);
    }

    /** Nothing to do: no instance type to place on, or an endpoint gone with nothing left behind. */
    boolean idle() {
        return instanceTypes.isEmpty()
                || (endpointGoing
                        && fleet.instances().isEmpty()
                        && fleet.copies().isEmpty());
    }

    /** What an instance of {@code instanceType} offers (nothing for a type the catalog does not know). */
    InstanceCapacity capacityOf(String instanceType) {
        return capacities.getOrDefault(instanceType, InstanceCapacity.of(0, 0, 0));
    }

    /** How long a requested instance may take to register before its launch counts as failed for capacity. */
    Optional<Duration> provisionTimeout() {
        return variant.flatMap(ProductionVariant::provisionTimeoutSeconds)
                .map(seconds -> settings.atTimeScale(Duration.ofSeconds(seconds)));
    }

    /** Instances the endpoint needs registered before it is {@code InService}. */
    int initialInstances() {
        int initial = variant.flatMap(ProductionVariant::initialInstanceCount).orElse(1);
        return Math.min(initial, bounds()[1]);
    }

    /** The bounds of placement on {@code current}, the fleet as this round sees it (its shortages included). */
    PlacementPolicy policy(FleetState current) {
        int[] bounds = bounds();
        int min = endpointCreating ? Math.max(bounds[0], initialInstances()) : bounds[0];
        Duration coolDown = endpointGoing ? Duration.ZERO : settings.coolDown();
        return new PlacementPolicy(
                        pools(current), min, Math.max(min, bounds[1]), coolDown, settings.maxMovesPerRound(), now)
                .inZones(settings.zones())
                .scalingIn(scaleIn(current));
    }

    /**
     * The variant's ScaleInPolicy ({@link ScaleIn#NONE} without one), its cool-down divided by the time scale, the
     * last CONSOLIDATION step ({@link FleetState#lastConsolidationStep}) and the components' measured load times.
     */
    private ScaleIn scaleIn(FleetState current) {
        Optional<ProductionVariant.ScaleInPolicy> given = variant.flatMap(ProductionVariant::managedInstanceScaling)
                .flatMap(ProductionVariant.InstanceScaling::scaleInPolicy);
        if (given.isEmpty()) {
            return ScaleIn.NONE;
        }
        ProductionVariant.ScaleInPolicy p = given.get();
        ScaleIn.Strategy strategy =
                "CONSOLIDATION".equals(p.strategy()) ? ScaleIn.Strategy.CONSOLIDATION : ScaleIn.Strategy.IDLE_RELEASE;
        Duration cooldown = settings.atTimeScale(Duration.ofMinutes(p.cooldownInMinutes()));
        ScaleIn scaleIn = new ScaleIn(
                strategy,
                Math.max(1, p.maximumStepSize()),
                cooldown,
                Optional.empty(),
                current.loadTimes(),
                settings.atTimeScale(ScaleIn.DEFAULT_LOAD_TIME));
        return current.lastConsolidationStep().map(scaleIn::steppedAt).orElse(scaleIn);
    }

    /**
     * The variant's pools in priority order, each short of capacity while its last launch failed for capacity less
     * than {@link FleetSettings#capacityRetryAfter()} ago.
     */
    private List<InstancePool> pools(FleetState current) {
        List<InstancePool> pools = new ArrayList<>();
        for (String type : instanceTypes) {
            Optional<String> shortage = Optional.ofNullable(current.shortages().get(type))
                    .filter(s -> s.at().plus(settings.capacityRetryAfter()).isAfter(now))
                    .map(s -> s.reason() + " (at " + s.at() + "; asked again after "
                            + s.at().plus(settings.capacityRetryAfter()) + ")");
            pools.add(new InstancePool(
                    type, capacityOf(type), shortage, InstancePrices.standard().perHourOrZero(type)));
        }
        return pools;
    }
    /**
     * {@code [min, max]} instances: the managed scaling bounds, or exactly the initial count without them; none
     * for a model variant, whose model Stowage does not serve (it hosts inference components only).
     */
    private int[] bounds() {
        if (endpointGoing || variant.isEmpty() || !variant.get().hostsInferenceComponents()) {
            return new int[] {0, 0};
        }
        ProductionVariant v = variant.get();
        int initial = v.initialInstanceCount().orElse(1);
        return v.managedInstanceScaling()
                .filter(ProductionVariant.InstanceScaling::enabled)
                .map(s -> new int[] {
                    s.minInstanceCount().orElse(1), s.maxInstanceCount().orElse(initial)
                })
                .orElse(new int[] {initial, initial});
    }

    /**
     * Desired copies and demand per component (adapters have none of their own): none for one being deleted or failed,
     * or on a going endpoint. A copy
     * needs what the specification of the instance type it runs on asks ({@link Specifications}).
     */
    Map<String, IcTarget> targets(Map<String, InferenceComponentState.Present> components, FleetState state) {
        Map<String, IcTarget> targets = new TreeMap<>();
        components.forEach((name, ic) -> {
            if (ic.baseInferenceComponentName().isPresent()) {
                return; // an adapter runs in its base's copies, not in copies of its own
            }
            boolean wantsNone = endpointGoing
                    || ic.status() == InferenceComponentStatus.DELETING
                    || ic.status() == InferenceComponentStatus.FAILED;
            targets.put(
                    name,
                    new IcTarget(
                            wantsNone ? 0 : ic.desiredCopyCount(),
                            demand(ic.specification()),
                            SchedulingConfigs.of(ic.specification())));
        });
        return targets;
    }

    private CopyDemand demand(Document specification) {
        Specifications specifications = new Specifications(specification);
        if (specifications.anyType() && specifications.entries().size() == 1) {
            return CopyDemand.uniform(resources(specification));
        }
        Map<String, Resources> byType = new TreeMap<>();
        capacities
                .keySet()
                .forEach(type -> specifications.forType(type).ifPresent(entry -> byType.put(type, resources(entry))));
        return new CopyDemand(Optional.empty(), byType);
    }

    private static Resources resources(Document specification) {
        Demand demand = Demand.ofSpecification(specification);
        return Resources.of(demand.cores(), demand.acceleratorDevices(), demand.memoryMib());
    }

    private static InstanceCapacity capacity(Allocatable allocatable) {
        return InstanceCapacity.of(allocatable.cores(), allocatable.acceleratorDevices(), allocatable.memoryMib());
    }
}
