package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.InstancePool;
import dev.stowage.domain.placement.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * First-fit-decreasing over several instance types, from scratch: copies largest first (devices, then memory, then
 * cores, then name), each on the first open instance it fits; when none, a new instance of the type with the lowest
 * price per copy of that size an empty instance holds ({@code price / copies that fit}; ties to the earlier pool).
 */
final class CheapestFirstFit {
    private CheapestFirstFit() {}

    private record Copy(String ic, IcTarget target, Resources size) {}

    private static final class Open {
        final InstancePool pool;
        Resources free;

        Open(InstancePool pool) {
            this.pool = pool;
            this.free = pool.capacity().allocatable();
        }
    }

    /** {@code [dollars an hour, instances]} of the packing. */
    static double[] pack(Map<String, IcTarget> targets, List<InstancePool> pools) {
        List<Copy> copies = new ArrayList<>();
        targets.forEach((ic, target) -> {
            Resources size = pools.stream()
                    .map(p -> target.demand().on(p.instanceType()))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElseThrow();
            for (int i = 0; i < target.desiredCopies(); i++) {
                copies.add(new Copy(ic, target, size));
            }
        });
        copies.sort(Comparator.<Copy>comparingInt(c -> -c.size().devices())
                .thenComparingLong(c -> -c.size().memoryMib())
                .thenComparingLong(c -> -c.size().milliCores())
                .thenComparing(Copy::ic));
        List<Open> open = new ArrayList<>();
        for (Copy copy : copies) {
            Open chosen = null;
            for (Open instance : open) {
                Optional<Resources> d = copy.target().demand().on(instance.pool.instanceType());
                if (d.isPresent() && d.get().fitsIn(instance.free)) {
                    chosen = instance;
                    break;
                }
            }
            if (chosen == null) {
                chosen = new Open(cheapestFor(copy, pools));
                open.add(chosen);
            }
            chosen.free = chosen.free.minus(
                    copy.target().demand().on(chosen.pool.instanceType()).orElseThrow());
        }
        return new double[] {
            open.stream().mapToDouble(o -> o.pool.pricePerHour()).sum(), open.size()
        };
    }

    private static InstancePool cheapestFor(Copy copy, List<InstancePool> pools) {
        InstancePool best = null;
        double bestPerCopy = Double.MAX_VALUE;
        for (InstancePool pool : pools) {
            Optional<Resources> d = copy.target().demand().on(pool.instanceType());
            long fit = d.map(r -> r.countIn(pool.capacity().allocatable())).orElse(0L);
            if (fit > 0 && pool.pricePerHour() / fit < bestPerCopy) {
                best = pool;
                bestPerCopy = pool.pricePerHour() / fit;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(copy.ic() + " fits no pool");
        }
        return best;
    }
}
