package dev.stowage.domain.placement;

import java.math.BigDecimal;

/**
 * An amount of the three resources placement allocates: CPU in milli-cores, whole accelerator devices, and
 * memory in MiB. Integer units keep every sum and comparison exact.
 */
public record Resources(long milliCores, int devices, long memoryMib) {
    public static final Resources ZERO = new Resources(0, 0, 0);

    public Resources {
        if (milliCores < 0 || devices < 0 || memoryMib < 0) {
            throw new IllegalArgumentException(
                    "negative resources: " + milliCores + "m, " + devices + ", " + memoryMib + " MiB");
        }
    }

    /** Cores given as a decimal ({@code 0.25}), rounded to the nearest milli-core. */
    public static Resources of(double cores, int devices, long memoryMib) {
        return new Resources(Math.round(cores * 1000), devices, memoryMib);
    }

    public Resources plus(Resources other) {
        return new Resources(milliCores + other.milliCores, devices + other.devices, memoryMib + other.memoryMib);
    }

    /** This minus {@code other}; throws when any resource would go negative. */
    public Resources minus(Resources other) {
        return new Resources(milliCores - other.milliCores, devices - other.devices, memoryMib - other.memoryMib);
    }

    /** Whether this amount fits within {@code capacity} in every resource. */
    public boolean fitsIn(Resources capacity) {
        return milliCores <= capacity.milliCores && devices <= capacity.devices && memoryMib <= capacity.memoryMib;
    }

    /**
     * How many of this amount fit within {@code capacity}, by its scarcest resource; at most
     * {@link Integer#MAX_VALUE}, which is also the answer for an amount of nothing.
     */
    public long countIn(Resources capacity) {
        long count = Integer.MAX_VALUE;
        if (milliCores > 0) {
            count = Math.min(count, capacity.milliCores / milliCores);
        }
        if (devices > 0) {
            count = Math.min(count, capacity.devices / devices);
        }
        if (memoryMib > 0) {
            count = Math.min(count, capacity.memoryMib / memoryMib);
        }
        return count;
    }

    public boolean isZero() {
        return milliCores == 0 && devices == 0 && memoryMib == 0;
    }

    /** For reasons: {@code 2 accelerator devices, 4 cores, 16384 MiB}. */
    public String describe() {
        return devices + (devices == 1 ? " accelerator device, " : " accelerator devices, ") + cores(milliCores)
                + " cores, " + memoryMib + " MiB";
    }

    static String cores(long milliCores) {
        return milliCores % 1000 == 0
                ? Long.toString(milliCores / 1000)
                : BigDecimal.valueOf(milliCores, 3).stripTrailingZeros().toPlainString();
    }
}
