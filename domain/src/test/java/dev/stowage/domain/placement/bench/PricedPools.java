package dev.stowage.domain.placement.bench;

import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.domain.instances.InstancePrices;
import dev.stowage.domain.placement.InstanceCapacity;
import dev.stowage.domain.placement.InstancePool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catalogue instance types as pools at their on-demand prices ({@link InstancePrices#standard()}), in the order
 * given, each short of capacity while its last launch failed less than {@code capacityRetryAfter} ago (as
 * {@code FleetPlanning.pools} does).
 */
record PricedPools(List<String> types) {
    static final String G6 = "ml.g6.12xlarge";
    static final String G5 = "ml.g5.12xlarge";
    static final String G5_BIG = "ml.g5.48xlarge";
    /** Cheapest per device first: $5.883/4, $7.09/4, $20.36/8. */
    static final PricedPools BY_PRICE = new PricedPools(List.of(G6, G5, G5_BIG));

    PricedPools {
        types = List.copyOf(types);
    }

    List<InstancePool> pools() {
        return types.stream().map(PricedPools::pool).toList();
    }

    /** The pools at {@code now}, given when each type's last launch failed. */
    List<InstancePool> at(Instant now, Map<String, Instant> shortages) {
        List<InstancePool> pools = new ArrayList<>();
        for (InstancePool pool : pools()) {
            Optional<String> shortage = Optional.ofNullable(shortages.get(pool.instanceType()))
                    .filter(at -> at.plus(FleetSettings.defaults().capacityRetryAfter())
                            .isAfter(now))
                    .map(at -> "InsufficientInstanceCapacity (at " + at + ")");
            pools.add(new InstancePool(pool.instanceType(), pool.capacity(), shortage, pool.pricePerHour()));
        }
        return pools;
    }

    InstanceCapacity capacity(String type) {
        return MixedFleet.pool(type).capacity();
    }

    double price(String type) {
        return InstancePrices.standard().perHourOrZero(type);
    }

    private static InstancePool pool(String type) {
        return MixedFleet.pool(type).pricedAt(InstancePrices.standard().perHourOrZero(type));
    }
}
