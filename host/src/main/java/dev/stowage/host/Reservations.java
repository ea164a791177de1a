package dev.stowage.host;

import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.host.metrics.MetricsPublisher;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * How much of an instance its copies hold, in percent of what it can allocate: SageMaker's {@code
 * CPUReservation}, {@code GPUReservation} and {@code MemoryReservation}. Every assigned copy counts, whether it is
 * loading, serving or being removed, because placement has given it the resources in each case. An instance with
 * no accelerators reserves 0 % of GPU.
 */
public record Reservations(double cpuPercent, double gpuPercent, double memoryPercent) {
    public static final String NAMESPACE = "/aws/sagemaker/Endpoints";
    public static final String CPU = "CPUReservation";
    public static final String GPU = "GPUReservation";
    public static final String MEMORY = "MemoryReservation";

    public static Reservations of(Capacity capacity, Collection<Assignment> copies) {
        long milliCores = 0;
        long memoryMib = 0;
        long devices = 0;
        for (Assignment copy : copies) {
            milliCores += copy.milliCores();
            memoryMib += copy.memoryMib();
            devices += copy.deviceIndices().size();
        }
        return new Reservations(
                percent(milliCores, capacity.milliCores()),
                percent(devices, capacity.acceleratorDevices()),
                percent(memoryMib, capacity.memoryMib()));
    }

    /** The dimensions the host publishes them with: the endpoint, the variant and the instance. */
    public static Map<String, String> dimensions(String endpointName, String variantName, String instanceId) {
        return Map.of("EndpointName", endpointName, "VariantName", variantName, "InstanceId", instanceId);
    }

    void publish(MetricsPublisher metrics, Map<String, String> dimensions, Instant at) {
        metrics.publish(NAMESPACE, CPU, dimensions, cpuPercent, "Percent", at);
        metrics.publish(NAMESPACE, GPU, dimensions, gpuPercent, "Percent", at);
        metrics.publish(NAMESPACE, MEMORY, dimensions, memoryPercent, "Percent", at);
    }

    private static double percent(long used, long total) {
        return total <= 0 ? 0 : 100.0 * used / total;
    }
}
