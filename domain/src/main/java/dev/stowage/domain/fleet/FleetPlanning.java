package dev.stowage.domain.fleet;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.Allocatable;
import dev.stowage.domain.instances.Demand;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.InstanceCapacity;
import dev.stowage.domain.placement.PlacementPolicy;
import dev.stowage.domain.placement.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one placement round aims at, from the endpoint's variant: the instance type and its capacity, the
 * instance bounds and the copies each component wants. An endpoint that is being deleted (or is gone) wants
 * nothing, at once; one that is still {@code Creating} wants at least its initial instances.
 */
record FleetPlanning(
        Optional<ProductionVariant> variant,
        boolean endpointGoing,
        boolean endpointCreating,
        String instanceType,
        Optional<InstanceCapacity> instanceCapacity,
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
        String type = variant.flatMap(ProductionVariant::instanceType)
                .or(() -> fleet.instances().values().stream()
                        .map(FleetInstanceRecord::instanceType)
                        .findFirst())
                .orElse("");
        Optional<InstanceCapacity> capacity = catalog.find(type).map(t -> capacity(t.allocatable()));
        return new FleetPlanning(variant, going, creating, type, capacity, fleet, settings, now);
    }

    /** Nothing to do: no instance type to place on, or an endpoint gone with nothing left behind. */
    boolean idle() {
        return instanceCapacity.isEmpty()
                || (endpointGoing
                        && fleet.instances().isEmpty()
                        && fleet.copies().isEmpty());
    }

    InstanceCapacity capacity() {
        return instanceCapacity.orElseThrow();
    }

    /** Instances the endpoint needs registered before it is {@code InService}. */
    int initialInstances() {
        int initial = variant.flatMap(ProductionVariant::initialInstanceCount).orElse(1);
        return Math.min(initial, bounds()[1]);
    }

    PlacementPolicy policy() {
        int[] bounds = bounds();
        int min = endpointCreating ? Math.max(bounds[0], initialInstances()) : bounds[0];
        Duration coolDown = endpointGoing ? Duration.ZERO : settings.coolDown();
        return new PlacementPolicy(
                capacity(), min, Math.max(min, bounds[1]), coolDown, settings.maxMovesPerRound(), now);
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

    /** Desired copies and demand per component: none for one being deleted or failed, or on a going endpoint. */
    Map<String, IcTarget> targets(Map<String, InferenceComponentState.Present> components, FleetState state) {
        Map<String, IcTarget> targets = new TreeMap<>();
        components.forEach((name, ic) -> {
            boolean wantsNone = endpointGoing
                    || ic.status() == InferenceComponentStatus.DELETING
                    || ic.status() == InferenceComponentStatus.FAILED;
            Demand demand = Demand.ofSpecification(ic.specification());
            targets.put(
                    name,
                    new IcTarget(
                            wantsNone ? 0 : ic.desiredCopyCount(),
                            Resources.of(demand.cores(), demand.acceleratorDevices(), demand.memoryMib())));
        });
        return targets;
    }

    private static InstanceCapacity capacity(Allocatable allocatable) {
        return InstanceCapacity.of(allocatable.cores(), allocatable.acceleratorDevices(), allocatable.memoryMib());
    }
}
