package dev.stowage.domain.instances;

/**
 * What the inference host keeps for itself (agent, router, OS, page cache) on every instance; copies get the rest.
 *
 * <ul>
 *   <li>CPU: 1 vCPU, or 0.5 vCPU on instances with 4 vCPUs or fewer.
 *   <li>Memory: 5 % of the instance's memory rounded up to a whole GiB, at least 1 GiB and at most 8 GiB (a host on
 *       a 2 TiB instance needs no more than one on a 192 GiB one).
 *   <li>Accelerators: none; every device is allocatable.
 * </ul>
 */
public final class HostReserve {
    static final long GIB = 1024;
    private static final long MIN_MEMORY_GIB = 1;
    private static final long MAX_MEMORY_GIB = 8;

    private HostReserve() {}

    /** vCPUs the host keeps on an instance with {@code vcpus} vCPUs. */
    public static double cores(int vcpus) {
        return vcpus <= 4 ? 0.5 : 1.0;
    }

    /** MiB the host keeps on an instance with {@code memoryMib} MiB of memory. */
    public static long memoryMib(long memoryMib) {
        long fivePercentGib = Math.ceilDiv(memoryMib * 5, 100 * GIB);
        return Math.clamp(fivePercentGib, MIN_MEMORY_GIB, MAX_MEMORY_GIB) * GIB;
    }
}
