package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pending copies grouped by the pool new instances for them would come from: the highest-priority pool the provider
 * is not short of whose type fits one copy. A copy that fits only pools the provider is short of goes with the first
 * of those (it may still use an instance already there, but asks for none); one that fits no pool never fits.
 * Groups are in pool order, each group's copies largest first.
 */
record PoolGroups(List<Group> groups, Map<String, List<Item>> neverFit) {

    record Group(InstancePool pool, List<Item> items) {}

    static PoolGroups of(List<Item> pending, PlacementPolicy policy) {
        Map<InstancePool, List<Item>> byPool = new LinkedHashMap<>();
        policy.pools().forEach(pool -> byPool.put(pool, new ArrayList<>()));
        Map<String, List<Item>> neverFit = new TreeMap<>(NaturalOrder.INSTANCE);
        for (Item item : pending) {
            Optional<InstancePool> pool = policy.pools().stream()
                    .filter(p -> p.available() && p.fits(item.demand()))
                    .findFirst()
                    .or(() -> policy.pools().stream()
                            .filter(p -> p.fits(item.demand()))
                            .findFirst());
            if (pool.isPresent()) {
                byPool.get(pool.get()).add(item);
            } else {
                neverFit.computeIfAbsent(item.ic(), ic -> new ArrayList<>()).add(item);
            }
        }
        List<Group> groups = new ArrayList<>();
        byPool.forEach((pool, items) -> {
            if (!items.isEmpty()) {
                groups.add(new Group(
                        pool,
                        items.stream().sorted(ItemOrder.largestFirst(pool)).toList()));
            }
        });
        neverFit.replaceAll((ic, items) -> List.copyOf(items));
        return new PoolGroups(List.copyOf(groups), neverFit);
    }
}
