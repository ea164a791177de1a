package dev.stowage.domain.instances;

/**
 * What copies may use of one instance after the {@link HostReserve}: the capacity placement packs against.
 *
 * @param cores vCPUs, in the unit of {@code NumberOfCpuCoresRequired} (one core is one vCPU)
 * @param memoryMib memory in MiB, the unit of {@code MinMemoryRequiredInMb}
 * @param acceleratorDevices whole devices (GPUs or Neuron chips, see {@link AcceleratorKind})
 */
public record Allocatable(double cores, long memoryMib, int acceleratorDevices) {
    public Allocatable {
        if (cores < 0 || memoryMib < 0 || acceleratorDevices < 0) {
            throw new IllegalArgumentException("Allocatable resources cannot be negative.");
        }
    }

    /** The allocatable share of {@code type}. */
    public static Allocatable of(InstanceType type) {
        return new Allocatable(
                type.vcpus() - HostReserve.cores(type.vcpus()),
                type.memoryMib() - HostReserve.memoryMib(type.memoryMib()),
                type.acceleratorCount());
    }
}
