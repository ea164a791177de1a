package dev.stowage.host.capacity;

import com.sun.management.OperatingSystemMXBean;
import dev.stowage.domain.instances.AcceleratorKind;
import dev.stowage.domain.instances.Allocatable;
import dev.stowage.domain.instances.HostReserve;
import dev.stowage.domain.instances.InstanceType;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.host.DeviceVisibility;
import dev.stowage.host.HostCapacity;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds what this instance can offer copies. {@link #simulated} takes an instance type from the catalog (local
 * mode); {@link #detect()} asks {@code nvidia-smi}, then {@code neuron-ls}, and counts CPUs and memory from the
 * operating system, keeping the same host reserve as the catalog's allocatable share.
 */
public final class CapacityDetector {
    private CapacityDetector() {}

    /** The allocatable capacity of a catalog instance type such as {@code ml.g5.12xlarge}. */
    public static HostCapacity simulated(String instanceType) {
        InstanceType type = InstanceTypeCatalog.standard()
                .find(instanceType)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown instance type " + instanceType + "; see ./stowage instance-types."));
        Allocatable allocatable = type.allocatable();
        Capacity capacity = new Capacity(
                Math.round(allocatable.cores() * 1000), allocatable.memoryMib(), allocatable.acceleratorDevices());
        return switch (type.accelerator()) {
            case AcceleratorKind.NvidiaGpu gpu ->
                new HostCapacity(capacity, DeviceVisibility.Runtime.CUDA, 0, type.name());
            case AcceleratorKind.Neuron neuron ->
                new HostCapacity(capacity, DeviceVisibility.Runtime.NEURON, neuron.neuronCoresPerDevice(), type.name());
            case AcceleratorKind.NoAccelerator none ->
                new HostCapacity(capacity, DeviceVisibility.Runtime.NONE, 0, type.name());
        };
    }

    /** The capacity of the machine this runs on. */
    public static HostCapacity detect() {
        int vcpus = Runtime.getRuntime().availableProcessors();
        long memoryMib = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize()
                / (1024 * 1024);
        long milliCores = Math.round((vcpus - HostReserve.cores(vcpus)) * 1000);
        long allocatableMemory = memoryMib - HostReserve.memoryMib(memoryMib);
        Optional<String> gpus = run(NvidiaSmi.COMMAND);
        if (gpus.isPresent()) {
            int count = NvidiaSmi.parse(gpus.get()).size();
            return new HostCapacity(
                    new Capacity(milliCores, allocatableMemory, count),
                    DeviceVisibility.Runtime.CUDA,
                    0,
                    HostCapacity.NVIDIA_SMI);
        }
        Optional<String> neuron = run(NeuronLs.COMMAND);
        if (neuron.isPresent()) {
            NeuronLs.Devices devices = NeuronLs.parse(neuron.get());
            return new HostCapacity(
                    new Capacity(milliCores, allocatableMemory, devices.count()),
                    DeviceVisibility.Runtime.NEURON,
                    Math.max(1, devices.coresPerDevice()),
                    "neuron-ls");
        }
        return HostCapacity.cpuOnly(milliCores, allocatableMemory, "operating system");
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
