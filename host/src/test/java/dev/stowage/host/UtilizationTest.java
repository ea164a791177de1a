package dev.stowage.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.events.Document;
import dev.stowage.host.metrics.GpuUtilization;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.runtime.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SageMaker's utilization metrics of inference components, per copy and per component, against what copies reserved. */
class UtilizationTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final String NVIDIA_SMI =
            """
            0, 80, 12000, 24000
            1, 20, 6000, 24000
            2, 0, 0, 24000
            """;

    private final InMemoryMetrics metrics = new InMemoryMetrics();

    @Test
    void each_copy_is_measured_against_its_reservation_and_each_component_is_the_mean_of_its_copies() {
        new Utilization(metrics, () -> GpuUtilization.parse(NVIDIA_SMI))
                .publish(
                        List.of(
                                new Utilization.Sample(copy("a-c1", 2000, 1024, 0, 1), new Usage(1.0, 512)),
                                new Utilization.Sample(copy("a-c2", 2000, 1024, 2), new Usage(2.0, 1024))),
                        T0);

        assertThat(value("CPUUtilizationNormalized", "a-c1")).isEqualTo(50.0);
        assertThat(value("MemoryUtilizationNormalized", "a-c1")).isEqualTo(50.0);
        assertThat(value("GPUUtilizationNormalized", "a-c1")).isEqualTo(50.0);
        assertThat(value("GPUMemoryUtilizationNormalized", "a-c1")).isEqualTo(37.5);
        assertThat(value("CPUUtilizationNormalized", "a-c2")).isEqualTo(100.0);
        assertThat(value("GPUUtilizationNormalized", "a-c2")).isZero();
        assertThat(value("CPUUtilizationNormalized", null)).isEqualTo(75.0);
        assertThat(value("MemoryUtilizationNormalized", null)).isEqualTo(75.0);
        assertThat(value("GPUUtilizationNormalized", null)).isEqualTo(25.0);
    }

    @Test
    void copies_without_gpus_publish_no_gpu_metrics_and_never_ask_for_them() {
        new Utilization(metrics, () -> {
                    throw new AssertionError("no GPU copy, so nvidia-smi is not run");
                })
                .publish(List.of(new Utilization.Sample(copy("a-c1", 500, 256), new Usage(0.25, 64))), T0);

        assertThat(value("CPUUtilizationNormalized", "a-c1")).isEqualTo(50.0);
        assertThat(value("MemoryUtilizationNormalized", "a-c1")).isEqualTo(25.0);
        assertThat(metrics.all())
                .noneMatch(datum -> datum.name().startsWith("GPU"))
                .allMatch(datum -> datum.namespace().equals("/aws/sagemaker/InferenceComponents"));
    }

    private double value(String name, String copyId) {
        Map<String, String> dimensions = copyId == null
                ? Map.of("InferenceComponentName", "a")
                : Map.of("InferenceComponentName", "a", "ContainerId", copyId);
        return metrics.all().stream()
                .filter(datum -> datum.name().equals(name) && datum.dimensions().equals(dimensions))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " " + dimensions + " not published: " + metrics.all()))
                .value();
    }

    private static Assignment copy(String copyId, long milliCores, long memoryMib, Integer... devices) {
        return new Assignment(
                copyId, "a", List.of(devices), milliCores, memoryMib, Assignment.State.LOADED, Document.empty());
    }
}
