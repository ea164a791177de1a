package dev.stowage.host.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * How busy each NVIDIA GPU is now, from {@code nvidia-smi --query-gpu=index,utilization.gpu,memory.used,memory.total
 * --format=csv,noheader,nounits} (one line per GPU: {@code 0, 37, 10240, 23028}). NVML is what nvidia-smi reads; the
 * command keeps the host free of native code.
 */
public final class GpuUtilization {
    public static final List<String> COMMAND = List.of(
            "nvidia-smi",
            "--query-gpu=index,utilization.gpu,memory.used,memory.total",
            "--format=csv,noheader,nounits");

    /** One GPU now: how busy its cores are and how much of its memory is used, in percent. */
    public record Gpu(int index, double utilizationPercent, double memoryPercent) {}

    private GpuUtilization() {}

    /** Each GPU by index, read now; empty when nvidia-smi is missing or fails (a host without NVIDIA GPUs). */
    public static Map<Integer, Gpu> read() {
        try {
            Process process =
                    new ProcessBuilder(COMMAND).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Map.of();
            }
            return parse(output);
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The GPUs listed, by index; blank lines are skipped, a malformed line is an error. */
    public static Map<Integer, Gpu> parse(String output) {
        Map<Integer, Gpu> gpus = new TreeMap<>();
        for (String line : output.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (String field : line.split(",")) {
                fields.add(field.strip());
            }
            try {
                int index = Integer.parseInt(fields.get(0));
                double busy = Double.parseDouble(fields.get(1));
                double used = Double.parseDouble(fields.get(2));
                double total = Double.parseDouble(fields.get(3));
                gpus.put(index, new Gpu(index, busy, total > 0 ? 100 * used / total : 0));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("Unexpected nvidia-smi line: " + line, e);
            }
        }
        return gpus;
    }

    /** The mean of {@code indices}' GPUs, when any of them was read. */
    public static Optional<Gpu> mean(Map<Integer, Gpu> gpus, List<Integer> indices) {
        List<Gpu> read = indices.stream()
                .map(gpus::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (read.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Gpu(
                -1,
                read.stream().mapToDouble(Gpu::utilizationPercent).average().orElse(0),
                read.stream().mapToDouble(Gpu::memoryPercent).average().orElse(0)));
    }
}
