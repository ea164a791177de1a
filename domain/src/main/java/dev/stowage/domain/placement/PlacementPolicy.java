package dev.stowage.domain.placement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bounds placement works within, and the current time.
 *
 * @param pools the kinds of instance new ones may be, highest priority first (the variant's {@code InstancePools},
 *     or its one {@code InstanceType})
 * @param minInstances instances kept even when idle ({@code MinInstanceCount}, 0 allowed)
 * @param maxInstances instances never exceeded ({@code MaxInstanceCount}); requested and running ones count, of
 *     every type
 * @param coolDown how long an instance hosts nothing before it is retired
 * @param maxMovesPerRound copy moves (consolidation, draining) started by one plan
 * @param zones the availability zones new instances may be asked in, in order (none: unknown, one zone)
 * @param scaleIn how instances are given back ({@link ScaleIn#NONE}: no ScaleInPolicy)
 */
public record PlacementPolicy(
        List<InstancePool> pools,
        int minInstances,
        int maxInstances,
        Duration coolDown,
        int maxMovesPerRound,
        Instant now,
        List<String> zones,
        ScaleIn scaleIn) {

    /** The instance type of a policy with one pool given by its capacity alone. */
    public static final String ONE_TYPE = "";

    public PlacementPolicy {
        pools = List.copyOf(pools);
        zones = List.copyOf(zones);
        if (pools.isEmpty()
                || minInstances < 0
                || maxInstances < minInstances
                || maxMovesPerRound < 0
                || coolDown.isNegative()) {
            throw new IllegalArgumentException("invalid placement policy: " + pools.size() + " pools, min "
                    + minInstances + ", max " + maxInstances + ", moves " + maxMovesPerRound + ", cool-down "
                    + coolDown);
        }
    }

    /** No ScaleInPolicy. */
    public PlacementPolicy(
            List<InstancePool> pools,
            int minInstances,
            int maxInstances,
            Duration coolDown,
            int maxMovesPerRound,
            Instant now,
            List<String> zones) {
        this(pools, minInstances, maxInstances, coolDown, maxMovesPerRound, now, zones, ScaleIn.NONE);
    }

    /** Instances in unknown zones. */
    public PlacementPolicy(
            List<InstancePool> pools,
            int minInstances,
            int maxInstances,
            Duration coolDown,
            int maxMovesPerRound,
            Instant now) {
        this(pools, minInstances, maxInstances, coolDown, maxMovesPerRound, now, List.of());
    }

    /** One pool of instances of {@code instanceCapacity}, of no particular type. */
    public PlacementPolicy(
            InstanceCapacity instanceCapacity,
            int minInstances,
            int maxInstances,
            Duration coolDown,
            int maxMovesPerRound,
            Instant now) {
        this(
                List.of(InstancePool.of(ONE_TYPE, instanceCapacity)),
                minInstances,
                maxInstances,
                coolDown,
                maxMovesPerRound,
                now);
    }

    public PlacementPolicy at(Instant instant) {
        return new PlacementPolicy(
                pools, minInstances, maxInstances, coolDown, maxMovesPerRound, instant, zones, scaleIn);
    }

    /** This policy with new instances asked in {@code availabilityZones}. */
    public PlacementPolicy inZones(List<String> availabilityZones) {
        return new PlacementPolicy(
                pools, minInstances, maxInstances, coolDown, maxMovesPerRound, now, availabilityZones, scaleIn);
    }

    /** This policy with {@code policy} as its ScaleInPolicy. */
    public PlacementPolicy scalingIn(ScaleIn policy) {
        return new PlacementPolicy(pools, minInstances, maxInstances, coolDown, maxMovesPerRound, now, zones, policy);
    }

    /** The pool of {@code instanceType}, if the policy has one. */
    public Optional<InstancePool> pool(String instanceType) {
        return pools.stream().filter(p -> p.instanceType().equals(instanceType)).findFirst();
    }

    /** Where the pool of {@code instanceType} stands: 0 for the first (highest priority), the pool count for none. */
    public int rank(String instanceType) {
        for (int i = 0; i < pools.size(); i++) {
            if (pools.get(i).instanceType().equals(instanceType)) {
                return i;
            }
        }
        return pools.size();
    }

    /** What an instance of {@code instanceType} costs an hour: its pool's price, 0 without a pool or a price. */
    public double price(String instanceType) {
        return pool(instanceType).map(InstancePool::pricePerHour).orElse(0.0);
    }

    /** The highest-priority pool the provider is not short of. */
    public Optional<InstancePool> firstAvailable() {
        return pools.stream().filter(InstancePool::available).findFirst();
    }
}
