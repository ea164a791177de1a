package dev.stowage.domain.placement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Small random fleets for property tests, each built from a seed so a failure can be replayed. */
final class Scenarios {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final List<InstanceCapacity> SHAPES = List.of(
            InstanceCapacity.of(44, 4, 180_000),
            InstanceCapacity.of(92, 8, 1_100_000),
            InstanceCapacity.of(3.5, 1, 12_000),
            InstanceCapacity.of(15, 0, 56_000));

    /** Components before and after a change, on one instance shape, under one policy. */
    record Scenario(Map<String, IcTarget> before, Map<String, IcTarget> after, PlacementPolicy policy) {}

    private Scenarios() {}

    static Scenario of(long seed, int maxInstances, boolean withNeverFit) {
        Random random = new Random(seed);
        InstanceCapacity shape = SHAPES.get(random.nextInt(SHAPES.size()));
        List<Resources> demands = new ArrayList<>();
        int ics = 1 + random.nextInt(8);
        for (int i = 0; i < ics; i++) {
            demands.add(demand(random, shape.allocatable(), withNeverFit && random.nextInt(12) == 0));
        }
        int min = random.nextInt(3);
        PlacementPolicy policy = new PlacementPolicy(
                shape, min, Math.max(min, maxInstances), Duration.ofMinutes(10), 1 + random.nextInt(3), T0);
        return new Scenario(targets(random, demands), targets(random, demands), policy);
    }

    /**
     * Components on two instance pools of different shapes (types {@code t1}, then {@code t2}): each component needs
     * the same on both, or has a specification for one type only, or one per type; with {@code shortage}, the
     * provider may be short of {@code t1} (placement then asks for {@code t2}).
     */
    static Scenario withPools(long seed, int maxInstances, boolean withNeverFit, boolean shortage) {
        Random random = new Random(seed);
        int first = random.nextInt(SHAPES.size());
        int second = (first + 1 + random.nextInt(SHAPES.size() - 1)) % SHAPES.size();
        List<InstancePool> pools = List.of(
                new InstancePool(
                        "t1",
                        SHAPES.get(first),
                        shortage && random.nextInt(3) == 0
                                ? Optional.of("InsufficientInstanceCapacity")
                                : Optional.empty()),
                InstancePool.of("t2", SHAPES.get(second)));
        List<CopyDemand> demands = new ArrayList<>();
        int ics = 1 + random.nextInt(8);
        for (int i = 0; i < ics; i++) {
            boolean neverFits = withNeverFit && random.nextInt(12) == 0;
            Resources one = demand(random, pools.getFirst().capacity().allocatable(), neverFits);
            Resources two = demand(random, pools.getLast().capacity().allocatable(), neverFits);
            demands.add(
                    switch (random.nextInt(4)) {
                        case 0 -> CopyDemand.on("t1", one);
                        case 1 -> CopyDemand.on("t2", two);
                        case 2 -> new CopyDemand(Optional.empty(), Map.of("t1", one, "t2", two));
                        default -> CopyDemand.uniform(smaller(one, two));
                    });
        }
        int min = random.nextInt(3);
        PlacementPolicy policy = new PlacementPolicy(
                pools, min, Math.max(min, maxInstances), Duration.ofMinutes(10), 1 + random.nextInt(3), T0);
        return new Scenario(typedTargets(random, demands), typedTargets(random, demands), policy);
    }

    private static Resources smaller(Resources a, Resources b) {
        return new Resources(
                Math.min(a.milliCores(), b.milliCores()),
                Math.min(a.devices(), b.devices()),
                Math.min(a.memoryMib(), b.memoryMib()));
    }

    /**
     * The pools scenario with one to three zones, and each component placed by a random SchedulingConfig (none,
     * SPREAD or BINPACK, with or without a zone balance, {@code strict} or permissive, MaxImbalance 0 to 2).
     */
    static Scenario scheduled(long seed, int maxInstances, boolean strict) {
        Scenario pools = withPools(seed, maxInstances, true, true);
        Random random = new Random(seed + 1);
        List<String> zones = List.of("a", "b", "c").subList(0, 1 + random.nextInt(3));
        Map<String, Scheduling> scheduling = new LinkedHashMap<>();
        for (String ic : pools.after().keySet()) {
            Scheduling.Preference preference =
                    Scheduling.Preference.values()[random.nextInt(Scheduling.Preference.values().length)];
            Optional<ZoneBalance> balance = strict || random.nextBoolean()
                    ? Optional.of(new ZoneBalance(
                            strict ? ZoneBalance.Mode.STRICT : ZoneBalance.Mode.PERMISSIVE, random.nextInt(3)))
                    : Optional.empty();
            scheduling.put(ic, new Scheduling(preference, balance));
        }
        return new Scenario(
                scheduled(pools.before(), scheduling),
                scheduled(pools.after(), scheduling),
                pools.policy().inZones(zones));
    }

    private static Map<String, IcTarget> scheduled(Map<String, IcTarget> targets, Map<String, Scheduling> scheduling) {
        Map<String, IcTarget> result = new LinkedHashMap<>();
        targets.forEach((ic, target) -> result.put(ic, target.scheduled(scheduling.getOrDefault(ic, Scheduling.NONE))));
        return result;
    }

    private static Map<String, IcTarget> typedTargets(Random random, List<CopyDemand> demands) {
        Map<String, IcTarget> targets = new LinkedHashMap<>();
        for (int i = 0; i < demands.size(); i++) {
            if (random.nextInt(6) > 0) {
                targets.put("ic-" + i, new IcTarget(random.nextInt(5), demands.get(i)));
            }
        }
        return targets;
    }

    private static Map<String, IcTarget> targets(Random random, List<Resources> demands) {
        return typedTargets(random, demands.stream().map(CopyDemand::uniform).toList());
    }

    private static Resources demand(Random random, Resources cap, boolean neverFits) {
        int devices = cap.devices() == 0 ? 0 : List.of(0, 1, 1, 2, 4).get(random.nextInt(5));
        devices = Math.min(devices, cap.devices());
        long milli = 250 + random.nextLong(Math.max(1, cap.milliCores() / 2));
        long memory = 512 + random.nextLong(Math.max(1, cap.memoryMib() / 2));
        return neverFits ? new Resources(milli, cap.devices() + 1, memory) : new Resources(milli, devices, memory);
    }

    /** The same fleet with its lists in another order. */
    static FleetView shuffled(FleetView fleet, long seed) {
        List<FleetInstance> instances = new ArrayList<>(fleet.instances());
        List<FleetCopy> copies = new ArrayList<>(fleet.copies());
        Collections.shuffle(instances, new Random(seed));
        Collections.shuffle(copies, new Random(seed + 1));
        return new FleetView(instances, copies);
    }

    /** The same targets in a map with another iteration order. */
    static Map<String, IcTarget> reordered(Map<String, IcTarget> targets) {
        List<String> names = new ArrayList<>(targets.keySet());
        Collections.reverse(names);
        Map<String, IcTarget> reordered = new HashMap<>();
        names.forEach(n -> reordered.put(n, targets.get(n)));
        return reordered;
    }
}
