package dev.stowage.host;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment that confines a model runtime to the accelerator devices placement gave its copy:
 * {@code CUDA_VISIBLE_DEVICES} for NVIDIA GPUs, {@code NEURON_RT_VISIBLE_CORES} for Neuron devices. A copy
 * without accelerators sees none, so it cannot take a device another copy holds.
 */
public final class DeviceVisibility {
    public static final String CUDA = "CUDA_VISIBLE_DEVICES";
    public static final String NEURON = "NEURON_RT_VISIBLE_CORES";

    public enum Runtime {
        CUDA,
        NEURON,
        NONE
    }

    private DeviceVisibility() {}

    /** The variables to set for a runtime given {@code indices} (device or NeuronCore indices, ascending). */
    public static Map<String, String> environment(Runtime runtime, List<Integer> indices) {
        String list = indices.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        return switch (runtime) {
            case CUDA -> Map.of(CUDA, list);
            case NEURON -> Map.of(NEURON, list);
            case NONE -> Map.of(CUDA, "", NEURON, "");
        };
    }
}
