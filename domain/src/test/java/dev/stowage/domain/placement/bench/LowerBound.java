package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.Resources;
import java.util.Map;

/** No packing can use fewer instances than {@code max over resources of ceil(Σ demand / allocatable)}. */
public final class LowerBound {
    private LowerBound() {}

    public static int instances(Map<String, IcTarget> targets, Resources allocatable) {
        long milli = 0;
        long devices = 0;
        long memory = 0;
        for (IcTarget target : targets.values()) {
            milli += target.desiredCopies()
                    * target.demand().uniform().orElseThrow().milliCores();
            devices += (long) target.desiredCopies()
                    * target.demand().uniform().orElseThrow().devices();
            memory += target.desiredCopies()
                    * target.demand().uniform().orElseThrow().memoryMib();
        }
        return (int) Math.max(
                Math.max(ceil(milli, allocatable.milliCores()), ceil(devices, allocatable.devices())),
                ceil(memory, allocatable.memoryMib()));
    }

    private static long ceil(long total, long per) {
        return total == 0 ? 0 : per == 0 ? Long.MAX_VALUE : (total + per - 1) / per;
    }
}
