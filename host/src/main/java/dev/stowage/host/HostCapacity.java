package dev.stowage.host;

import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.host.runtime.Launch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What this instance offers copies, and how its accelerators are confined: {@code capacity} is registered with the
 * control plane; {@code accelerators} says which visibility variable a copy's devices go in. Placement hands out
 * whole devices; on Neuron a device (chip) {@code i} is NeuronCores {@code i*k .. i*k+k-1} with {@code k =
 * neuronCoresPerDevice}.
 *
 * @param source how the capacity was found, for logs: {@code nvidia-smi}, {@code neuron-ls}, {@code ml.g5.xlarge}
 */
public record HostCapacity(
        Capacity capacity, DeviceVisibility.Runtime accelerators, int neuronCoresPerDevice, String source) {
    /** The {@code source} of GPUs that {@code nvidia-smi} found on the machine. */
    public static final String NVIDIA_SMI = "nvidia-smi";

    public HostCapacity {
        if (accelerators == DeviceVisibility.Runtime.NEURON && neuronCoresPerDevice < 1) {
            throw new IllegalArgumentException("A Neuron host needs the NeuronCores per device.");
        }
    }

    /** A host with no accelerators. */
    public static HostCapacity cpuOnly(long milliCores, long memoryMib, String source) {
        return new HostCapacity(new Capacity(milliCores, memoryMib, 0), DeviceVisibility.Runtime.NONE, 0, source);
    }

    /** Whether the GPUs are this machine's own, found by {@code nvidia-smi} (not a simulated instance type's). */
    public boolean detectedNvidia() {
        return accelerators == DeviceVisibility.Runtime.CUDA && source.equals(NVIDIA_SMI);
    }

    /** What the accelerators are, as a container engine attaches them. */
    public Launch.Devices.Kind deviceKind() {
        return switch (accelerators) {
            case CUDA -> Launch.Devices.Kind.NVIDIA;
            case NEURON -> Launch.Devices.Kind.NEURON;
            case NONE -> Launch.Devices.Kind.NONE;
        };
    }

    /** The environment that confines a copy to the devices placement gave it. */
    public Map<String, String> visibility(List<Integer> deviceIndices) {
        if (accelerators != DeviceVisibility.Runtime.NEURON) {
            return DeviceVisibility.environment(accelerators, deviceIndices);
        }
        List<Integer> cores = new ArrayList<>();
        for (int device : deviceIndices.stream().sorted().toList()) {
            for (int core = 0; core < neuronCoresPerDevice; core++) {
                cores.add(device * neuronCoresPerDevice + core);
            }
        }
        return DeviceVisibility.environment(accelerators, cores);
    }
}
