package dev.stowage.host.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code nvidia-smi --query-gpu=index,memory.total --format=csv,noheader}: one line per GPU such as {@code
 * 0, 23028 MiB}.
 */
public final class NvidiaSmi {
    public static final List<String> COMMAND =
            List.of("nvidia-smi", "--query-gpu=index,memory.total", "--format=csv,noheader");

    /** One GPU: its index and memory. */
    public record Gpu(int index, long memoryMib) {}

    private NvidiaSmi() {}

    /** The GPUs listed, in output order; blank lines are skipped, a malformed line is an error. */
    public static List<Gpu> parse(String output) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length < 2) {
                throw new IllegalArgumentException("Unexpected nvidia-smi line: " + line);
            }
            try {
                int index = Integer.parseInt(fields[0].strip());
                String memory = fields[1].strip();
                long mib = Long.parseLong(memory.replaceAll("(?i)\\s*MiB$", "").strip());
                gpus.add(new Gpu(index, mib));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Unexpected nvidia-smi line: " + line, e);
            }
        }
        return List.copyOf(gpus);
    }
}
