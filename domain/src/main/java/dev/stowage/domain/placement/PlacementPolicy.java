package dev.stowage.domain.placement;

import java.time.Duration;
import java.time.Instant;

/**
 * The bounds placement works within, and the current time.
 *
 * @param instanceCapacity what a newly requested instance offers (the endpoint's instance type)
 * @param minInstances instances kept even when idle ({@code MinInstanceCount}, 0 allowed)
 * @param maxInstances instances never exceeded ({@code MaxInstanceCount}); requested and running ones count
 * @param coolDown how long an instance hosts nothing before it is retired
 * @param maxMovesPerRound copy moves (consolidation, draining) started by one plan
 */
public record PlacementPolicy(
        InstanceCapacity instanceCapacity,
        int minInstances,
        int maxInstances,
        Duration coolDown,
        int maxMovesPerRound,
        Instant now) {

    public PlacementPolicy {
        if (minInstances < 0 || maxInstances < minInstances || maxMovesPerRound < 0 || coolDown.isNegative()) {
            throw new IllegalArgumentException("invalid placement policy: min " + minInstances + ", max " + maxInstances
                    + ", moves " + maxMovesPerRound + ", cool-down " + coolDown);
        }
    }

    public PlacementPolicy at(Instant instant) {
        return new PlacementPolicy(instanceCapacity, minInstances, maxInstances, coolDown, maxMovesPerRound, instant);
    }
}
