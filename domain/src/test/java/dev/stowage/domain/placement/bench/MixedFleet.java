package dev.stowage.domain.placement.bench;

import dev.stowage.domain.instances.Allocatable;
import dev.stowage.domain.instances.InstanceType;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.placement.CopyDemand;
import dev.stowage.domain.placement.FleetInstance;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.InstanceCapacity;
import dev.stowage.domain.placement.InstancePool;
import dev.stowage.domain.placement.PlacementPolicy;
import dev.stowage.domain.placement.Resources;
import dev.stowage.domain.placement.Scheduling;
import dev.stowage.domain.placement.ZoneBalance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * 200 instances of three catalogue types in two zones, and 1,000 copies of 250 components: 0-, 1-, 2- and
 * 4-device copies, a fifth with per-type demand (the two 12xlarge types only), a quarter SPREAD with a zone
 * balance and a quarter BINPACK.
 */
final class MixedFleet {
    static final List<String> ZONES = List.of("us-east-1a", "us-east-1b");
    private static final String G5 = "ml.g5.12xlarge";
    private static final String G6 = "ml.g6.12xlarge";
    private static final String G5_BIG = "ml.g5.48xlarge";
    /** Instances of each type, in pool order. */
    private static final Map<String, Integer> COUNTS = Map.of(G5, 30, G6, 30, G5_BIG, 140);

    private MixedFleet() {}

    static List<InstancePool> pools() {
        return List.of(pool(G5), pool(G6), pool(G5_BIG));
    }

    static PlacementPolicy policy() {
        return new PlacementPolicy(pools(), 200, 200, Duration.ofMinutes(10), 2, FromScratch.T0).inZones(ZONES);
    }

    /** Instances of the types interleaved, alternating zones. */
    static List<FleetInstance> instances() {
        List<FleetInstance> instances = new ArrayList<>();
        Map<String, Integer> left = new LinkedHashMap<>();
        pools().forEach(p -> left.put(p.instanceType(), COUNTS.get(p.instanceType())));
        int n = 0;
        while (left.values().stream().anyMatch(c -> c > 0)) {
            for (InstancePool pool : pools()) {
                int count = left.get(pool.instanceType());
                int take = pool.instanceType().equals(G5_BIG) ? 5 : 1;
                for (int k = 0; k < Math.min(take, count); k++) {
                    n++;
                    instances.add(FleetInstance.running("i-" + n, pool.instanceType(), pool.capacity(), FromScratch.T0)
                            .inZone(ZONES.get(n % 2)));
                }
                left.put(pool.instanceType(), Math.max(0, count - take));
            }
        }
        return instances;
    }

    /** 250 components of 4 copies each, from {@code seed}. */
    static Map<String, IcTarget> targets(long seed) {
        Random random = new Random(seed);
        List<Integer> devices = List.of(0, 0, 0, 1, 1, 1, 1, 1, 2, 4);
        Map<String, IcTarget> targets = new LinkedHashMap<>();
        for (int i = 0; i < 250; i++) {
            int d = devices.get(random.nextInt(devices.size()));
            Resources base = d == 0
                    ? Resources.of(1 + random.nextInt(4), 0, 2_048 + random.nextInt(8) * 1_024)
                    : Resources.of(d * (2 + random.nextInt(6)), d, d * (8_192 + random.nextInt(24) * 1_024L));
            CopyDemand demand = d > 0 && d < 4 && random.nextInt(5) == 0
                    ? new CopyDemand(
                            Optional.empty(),
                            Map.of(G5, base, G6, Resources.of(base.milliCores() / 1000.0 + 2, d, base.memoryMib())))
                    : CopyDemand.uniform(base);
            Scheduling scheduling =
                    switch (random.nextInt(4)) {
                        case 0 ->
                            new Scheduling(
                                    Scheduling.Preference.SPREAD,
                                    Optional.of(new ZoneBalance(ZoneBalance.Mode.PERMISSIVE, 1)));
                        case 1 -> new Scheduling(Scheduling.Preference.BINPACK);
                        default -> Scheduling.NONE;
                    };
            targets.put("ic-" + i, new IcTarget(4, demand, scheduling));
        }
        return targets;
    }

    static InstancePool pool(String name) {
        InstanceType type = InstanceTypeCatalog.standard().find(name).orElseThrow();
        Allocatable a = type.allocatable();
        return InstancePool.of(name, InstanceCapacity.of(a.cores(), a.acceleratorDevices(), a.memoryMib()));
    }
}
