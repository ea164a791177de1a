package dev.stowage.host;

import dev.stowage.domain.metrics.MetricNamespaces;
import dev.stowage.host.metrics.GpuUtilization;
import dev.stowage.host.metrics.MetricsPublisher;
import dev.stowage.host.runtime.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * SageMaker's utilization metrics of inference components ({@value #NAMESPACE}), from what each serving copy uses:
 * {@code CPUUtilizationNormalized} and {@code MemoryUtilizationNormalized} against what the copy reserved ({@code
 * NumberOfCpuCoresRequired}, {@code MinMemoryRequiredInMb}), and on NVIDIA hosts {@code GPUUtilizationNormalized} and
 * {@code GPUMemoryUtilizationNormalized} over the copy's GPUs. Each is published per copy ({@code
 * InferenceComponentName}, {@code ContainerId}: the copy id, as the service's enhanced metrics) and per component
 * (the mean of its copies on this host).
 */
final class Utilization {
    static final String NAMESPACE = MetricNamespaces.SAGEMAKER_INFERENCE_COMPONENTS;
    static final String CPU = "CPUUtilizationNormalized";
    static final String MEMORY = "MemoryUtilizationNormalized";
    static final String GPU = "GPUUtilizationNormalized";
    static final String GPU_MEMORY = "GPUMemoryUtilizationNormalized";

    /** One serving copy, what it reserved and what it uses now. */
    record Sample(Assignment copy, Usage usage) {}

    private final MetricsPublisher metrics;
    private final Supplier<Map<Integer, GpuUtilization.Gpu>> gpus;

    Utilization(MetricsPublisher metrics, Supplier<Map<Integer, GpuUtilization.Gpu>> gpus) {
        this.metrics = metrics;
        this.gpus = gpus;
    }

    void publish(List<Sample> samples, Instant at) {
        Map<Integer, GpuUtilization.Gpu> byIndex =
                samples.stream().anyMatch(s -> !s.copy().deviceIndices().isEmpty()) ? gpus.get() : Map.of();
        Map<String, List<double[]>> byComponent = new TreeMap<>();
        for (Sample sample : samples) {
            Assignment copy = sample.copy();
            double cpu = percent(sample.usage().cores() * 1000, copy.milliCores());
            double memory = percent(sample.usage().memoryMib(), copy.memoryMib());
            Optional<GpuUtilization.Gpu> gpu = GpuUtilization.mean(byIndex, copy.deviceIndices());
            double[] values = {
                cpu,
                memory,
                gpu.map(GpuUtilization.Gpu::utilizationPercent).orElse(Double.NaN),
                gpu.map(GpuUtilization.Gpu::memoryPercent).orElse(Double.NaN)
            };
            Map<String, String> dimensions =
                    Map.of("InferenceComponentName", copy.inferenceComponentName(), "ContainerId", copy.copyId());
            publish(dimensions, values, at);
            byComponent
                    .computeIfAbsent(copy.inferenceComponentName(), name -> new ArrayList<>())
                    .add(values);
        }
        byComponent.forEach((component, copies) -> {
            double[] mean = new double[4];
            for (int metric = 0; metric < 4; metric++) {
                int m = metric;
                mean[m] = copies.stream().mapToDouble(v -> v[m]).average().orElse(Double.NaN);
            }
            publish(Map.of("InferenceComponentName", component), mean, at);
        });
    }

    private void publish(Map<String, String> dimensions, double[] values, Instant at) {
        String[] names = {CPU, MEMORY, GPU, GPU_MEMORY};
        for (int i = 0; i < names.length; i++) {
            if (!Double.isNaN(values[i])) {
                metrics.publish(NAMESPACE, names[i], dimensions, values[i], "Percent", at);
            }
        }
    }

    private static double percent(double used, double reserved) {
        return reserved <= 0 ? 0 : 100 * used / reserved;
    }
}
