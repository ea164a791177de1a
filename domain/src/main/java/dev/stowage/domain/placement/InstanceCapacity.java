package dev.stowage.domain.placement;

/**
 * What one instance offers to copies: the allocatable share after the host's reserve. Its accelerator devices
 * are numbered {@code 0..devices-1}; a copy gets explicit indices.
 */
public record InstanceCapacity(Resources allocatable) {
    /** Device indices are kept in a 64-bit mask. */
    public static final int MAX_DEVICES = 64;

    public InstanceCapacity {
        if (allocatable.devices() > MAX_DEVICES) {
            throw new IllegalArgumentException("at most " + MAX_DEVICES + " devices per instance");
        }
    }

    public static InstanceCapacity of(double cores, int devices, long memoryMib) {
        return new InstanceCapacity(Resources.of(cores, devices, memoryMib));
    }

    public int deviceCount() {
        return allocatable.devices();
    }
}
