package dev.stowage.domain.instances;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Plain-text renderings of instance types, for {@code ./stowage instance-types [TYPE]}. */
public final class InstanceTypeTable {
    private static final List<String> HEADINGS = List.of("NAME", "VCPUS", "MEMORY", "ACCELERATORS", "ALLOCATABLE");

    private InstanceTypeTable() {}

    /** One line per type under a heading line, columns aligned, each line ending in a newline. */
    public static String table(List<InstanceType> types) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (InstanceType type : types) {
            rows.add(List.of(
                    type.name(),
                    Integer.toString(type.vcpus()),
                    gib(type.memoryMib()),
                    accelerators(type),
                    allocatable(type.allocatable())));
        }
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean numeric = i == 1;
                line.append(numeric ? " ".repeat(widths[i] - cell.length()) + cell : pad(cell, widths[i]));
                line.append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Everything about one type, one fact per line. */
    public static String detail(InstanceType type) {
        Allocatable free = type.allocatable();
        StringBuilder out = new StringBuilder(type.name()).append('\n');
        line(out, "Family", type.family());
        line(out, "vCPUs", Integer.toString(type.vcpus()));
        line(out, "Memory", gib(type.memoryMib()) + " (" + type.memoryMib() + " MiB)");
        line(out, "Accelerators", acceleratorDetail(type));
        line(
                out,
                "Host reserve",
                FitCheck.number(HostReserve.cores(type.vcpus())) + " vCPU, "
                        + gib(HostReserve.memoryMib(type.memoryMib())));
        line(
                out,
                "Allocatable",
                FitCheck.number(free.cores()) + " cores, " + gib(free.memoryMib()) + " (" + free.memoryMib() + " MiB), "
                        + FitCheck.devices(free.acceleratorDevices()));
        return out.toString();
    }

    /** The accelerators in short, for example {@code 4 × NVIDIA A10G 24 GiB}, or {@code -} for none. */
    public static String accelerators(InstanceType type) {
        if (!type.hasAccelerators()) {
            return "-";
        }
        return type.acceleratorCount() + " × " + type.accelerator().displayName() + " "
                + gib(type.acceleratorMemoryMib());
    }

    private static String acceleratorDetail(InstanceType type) {
        if (!type.hasAccelerators()) {
            return "none";
        }
        String text = accelerators(type) + " each";
        int cores = type.accelerator().neuronCoresPerDevice();
        if (cores > 0) {
            text += ", " + cores + " NeuronCores per device (" + type.neuronCores() + " in all)";
        }
        return text;
    }

    private static String allocatable(Allocatable free) {
        return FitCheck.number(free.cores()) + " cores, " + gib(free.memoryMib()) + ", "
                + (free.acceleratorDevices() == 1 ? "1 device" : free.acceleratorDevices() + " devices");
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(pad(label + ":", 14)).append(value).append('\n');
    }

    private static String gib(long mib) {
        BigDecimal value = BigDecimal.valueOf(mib).divide(BigDecimal.valueOf(HostReserve.GIB), 2, RoundingMode.HALF_UP);
        return value.stripTrailingZeros().toPlainString() + " GiB";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
