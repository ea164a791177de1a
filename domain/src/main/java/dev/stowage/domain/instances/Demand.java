package dev.stowage.domain.instances;

import dev.stowage.events.Document;
import org.jspecify.annotations.Nullable;

/**
 * What one copy of an inference component needs, from its {@code ComputeResourceRequirements}.
 *
 * @param cores vCPUs, at least {@link #MIN_CORES}
 * @param acceleratorDevices whole accelerator devices (GPUs or Neuron chips, see {@link AcceleratorKind})
 * @param memoryMib memory; the service's "MB" in {@code MinMemoryRequiredInMb} is taken as MiB
 */
public record Demand(double cores, int acceleratorDevices, long memoryMib) {
    /** The smallest {@code NumberOfCpuCoresRequired} the service accepts. */
    public static final double MIN_CORES = 0.25;

    private static final String REQUIREMENTS = "ComputeResourceRequirements";

    public Demand {
        if (!(cores >= MIN_CORES) || Double.isInfinite(cores)) {
            throw new IllegalArgumentException("A copy needs at least " + MIN_CORES + " cores, not " + cores + ".");
        }
        if (acceleratorDevices < 0 || memoryMib < 0) {
            throw new IllegalArgumentException("A copy cannot need a negative amount of a resource.");
        }
    }

    /**
     * The demand the service's three values describe. An absent core count is the minimum the service accepts
     * ({@link #MIN_CORES}); absent accelerator devices are none.
     *
     * @throws IllegalArgumentException if the device count is not a whole number, or a value is out of range
     */
    public static Demand of(
            @Nullable Double numberOfCpuCoresRequired,
            @Nullable Double numberOfAcceleratorDevicesRequired,
            double minMemoryRequiredInMb) {
        double devices = numberOfAcceleratorDevicesRequired == null ? 0 : numberOfAcceleratorDevicesRequired;
        if (devices != Math.rint(devices) || devices > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A copy needs a whole number of accelerator devices, not " + devices);
        }
        return new Demand(numberOfCpuCoresRequired == null ? MIN_CORES : numberOfCpuCoresRequired, (int) devices, (long)
                Math.ceil(minMemoryRequiredInMb));
    }

    /** The demand in an inference component's {@code Specification}; see {@link #of(Double, Double, double)}. */
    public static Demand ofSpecification(Document specification) {
        return of(
                specification.number(REQUIREMENTS, "NumberOfCpuCoresRequired").orElse(null),
                specification
                        .number(REQUIREMENTS, "NumberOfAcceleratorDevicesRequired")
                        .orElse(null),
                specification.number(REQUIREMENTS, "MinMemoryRequiredInMb").orElse(0.0));
    }
}
