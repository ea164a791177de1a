package dev.stowage.domain.instances;

import java.util.regex.Pattern;

/**
 * One SageMaker hosting instance type, as the public EC2 specifications describe it.
 *
 * @param name the SageMaker name, for example {@code ml.g5.12xlarge}
 * @param vcpus vCPUs
 * @param memoryMib memory in MiB
 * @param accelerator the kind of accelerator device, {@link AcceleratorKind#NONE} on CPU instances
 * @param acceleratorCount devices (GPUs or Neuron chips); 0 exactly when there is no accelerator
 * @param acceleratorMemoryMib memory of one device in MiB; 0 when there is no accelerator
 */
public record InstanceType(
        String name,
        int vcpus,
        long memoryMib,
        AcceleratorKind accelerator,
        int acceleratorCount,
        long acceleratorMemoryMib) {

    private static final Pattern NAME = Pattern.compile("ml\\.[a-z0-9]+\\.[0-9]*x?large");

    public InstanceType {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not an instance type name like ml.g5.xlarge.");
        }
        if (vcpus < 1 || memoryMib < 1) {
            throw new IllegalArgumentException(name + " needs at least one vCPU and some memory.");
        }
        boolean none = accelerator == AcceleratorKind.NONE;
        if (none != (acceleratorCount == 0) || none != (acceleratorMemoryMib == 0) || acceleratorCount < 0) {
            throw new IllegalArgumentException(
                    name + " must have a positive accelerator count and memory exactly when it has accelerators.");
        }
    }

    /** The family, for example {@code g5} for {@code ml.g5.12xlarge}. */
    public String family() {
        return name.substring(name.indexOf('.') + 1, name.lastIndexOf('.'));
    }

    /** The size, for example {@code 12xlarge} for {@code ml.g5.12xlarge}. */
    public String size() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Whether the type has any accelerator device. */
    public boolean hasAccelerators() {
        return acceleratorCount > 0;
    }

    /** NeuronCores across all devices; 0 on GPU and CPU instances. */
    public int neuronCores() {
        return acceleratorCount * accelerator.neuronCoresPerDevice();
    }

    /** What copies may use after the host's reserve. */
    public Allocatable allocatable() {
        return Allocatable.of(this);
    }
}
