package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.InstancePool;
import dev.stowage.domain.placement.Resources;
import java.util.List;
import java.util.Map;

/**
 * The fluid lower bound of holding the desired copies at one instant: no packing of them, on any mix of the pools'
 * types, costs less an hour (or uses fewer instances) than it says.
 *
 * <p>For weights {@code w} over the resources (cores, devices, memory; {@code Σ w = 1}), charge a copy {@code c} on
 * type {@code t} the price of {@code t} times {@code Σ_r w_r · demand(c, r) / capacity(t, r)}. The copies on one
 * instance of type {@code t} never exceed its capacity in any resource, so they are charged at most its price: any
 * packing costs at least {@code Σ_c min_t charge(c, t)}, the minimum over the types that fit {@code c}. That holds for
 * every {@code w}; the bound is the best over a grid of weights (step 1/{@value #STEPS}), its corners being the
 * "one resource at a time" bounds.
 *
 * <p>The instances it gives are the same sum with every price 1 and each copy on the type the dollar bound charges it
 * on (the cheapest for its dominant share): instances on the cheapest types, not a bound across types (one
 * ml.g5.48xlarge holds what two 12xlarge do).
 */
final class FluidBound {
    private static final int STEPS = 20;

    private FluidBound() {}

    /** {@code [dollars an hour, instances]} for {@code targets} on {@code pools}. */
    static double[] of(Map<String, IcTarget> targets, List<InstancePool> pools) {
        double dollars = 0;
        double instances = 0;
        for (int a = 0; a <= STEPS; a++) {
            for (int b = 0; a + b <= STEPS; b++) {
                double[] w = {(double) a / STEPS, (double) b / STEPS, (double) (STEPS - a - b) / STEPS};
                dollars = Math.max(dollars, charge(targets, pools, w, false));
                instances = Math.max(instances, charge(targets, pools, w, true));
            }
        }
        return new double[] {dollars, instances};
    }

    private static double charge(
            Map<String, IcTarget> targets, List<InstancePool> pools, double[] w, boolean instances) {
        double total = 0;
        for (IcTarget target : targets.values()) {
            if (target.desiredCopies() == 0) {
                continue;
            }
            double cheapest = Double.MAX_VALUE;
            for (InstancePool pool : instances ? List.of(cheapestType(target, pools)) : pools) {
                Resources cap = pool.capacity().allocatable();
                var demand = target.demand().on(pool.instanceType()).filter(d -> d.fitsIn(cap));
                if (demand.isEmpty()) {
                    continue;
                }
                Resources d = demand.get();
                double share = w[0] * share(d.milliCores(), cap.milliCores())
                        + w[1] * share(d.devices(), cap.devices())
                        + w[2] * share(d.memoryMib(), cap.memoryMib());
                cheapest = Math.min(cheapest, (instances ? 1 : pool.pricePerHour()) * share);
            }
            if (cheapest == Double.MAX_VALUE) {
                throw new IllegalArgumentException("a copy fits no pool: " + target);
            }
            total += target.desiredCopies() * cheapest;
        }
        return total;
    }

    /** The pool where a copy's dominant share of an instance costs least. */
    private static InstancePool cheapestType(IcTarget target, List<InstancePool> pools) {
        InstancePool best = null;
        double least = Double.MAX_VALUE;
        for (InstancePool pool : pools) {
            Resources cap = pool.capacity().allocatable();
            var demand = target.demand().on(pool.instanceType()).filter(d -> d.fitsIn(cap));
            if (demand.isPresent()) {
                Resources d = demand.get();
                double dominant = Math.max(
                        share(d.milliCores(), cap.milliCores()),
                        Math.max(share(d.devices(), cap.devices()), share(d.memoryMib(), cap.memoryMib())));
                if (pool.pricePerHour() * dominant < least) {
                    least = pool.pricePerHour() * dominant;
                    best = pool;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("a copy fits no pool: " + target);
        }
        return best;
    }

    private static double share(long amount, long capacity) {
        return amount == 0 ? 0 : (double) amount / capacity;
    }
}
