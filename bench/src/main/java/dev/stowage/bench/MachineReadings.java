package dev.stowage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What Linux says about the machine, its processes and its containers: {@code /proc} (CPU time, proportional set
 * sizes, available memory, load) and the containers' cgroups (v1 as {@code cgroupfs} lays them out, or v2). Every
 * reading is best effort: what cannot be read is NaN or empty, never an error.
 */
final class MachineReadings {
    private static final Path PROC = Path.of("/proc");
    private static final Path CGROUP = Path.of("/sys/fs/cgroup");
    /** USER_HZ: the unit of {@code /proc/<pid>/stat}'s CPU times on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** A process: its id, its command name and its command line (arguments joined by spaces). */
    record Proc(long pid, String comm, String cmdline) {}

    private MachineReadings() {}

    /** The processes whose name and command line {@code which} accepts. */
    static List<Proc> processes(Predicate<Proc> which) {
        List<Proc> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String comm = Files.readString(dir.resolve("comm")).strip();
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ')
                            .strip();
                    Proc proc = new Proc(Long.parseLong(dir.getFileName().toString()), comm, cmdline);
                    if (which.test(proc)) {
                        found.add(proc);
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    /** CPU seconds (user + system) the processes have used so far; those that ended count 0. */
    static double cpuSeconds(List<Proc> processes) {
        double ticks = 0;
        for (Proc proc : processes) {
            try {
                String stat =
                        Files.readString(PROC.resolve(Long.toString(proc.pid())).resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // ended
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The processes' proportional set size in MiB (shared pages split among their users); ended ones count 0. */
    static double pssMib(List<Proc> processes) {
        double kib = 0;
        for (Proc proc : processes) {
            kib += field(PROC.resolve(Long.toString(proc.pid())).resolve("smaps_rollup"), "Pss:")
                    .orElse(0.0);
        }
        return kib / 1024;
    }

    /** This JVM's resident set in MiB. */
    static double ownRssMib() {
        return field(PROC.resolve("self").resolve("status"), "VmRSS:").orElse(Double.NaN) / 1024;
    }

    /**
     * The Unix-domain sockets this JVM has open: here, its connections to the engine's socket (the host's client and
     * the benchmark's), since nothing else in the benchmark uses one. -1 when {@code /proc} cannot tell.
     */
    static int ownUnixSockets() {
        try (Stream<String> lines = Files.lines(PROC.resolve("net").resolve("unix"));
                Stream<Path> fds = Files.list(PROC.resolve("self").resolve("fd"))) {
            Set<String> unix = lines.skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields.length > 6)
                    .map(fields -> "socket:[" + fields[6] + "]")
                    .collect(Collectors.toSet());
            int count = 0;
            for (Path fd : fds.toList()) {
                try {
                    if (unix.contains(Files.readSymbolicLink(fd).toString())) {
                        count++;
                    }
                } catch (IOException e) {
                    // closed while we looked
                }
            }
            return count;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code MemAvailable} in MiB. */
    static double availableMemoryMib() {
        return field(PROC.resolve("meminfo"), "MemAvailable:").orElse(Double.NaN) / 1024;
    }

    /** The one-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(PROC.resolve("loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds the whole machine has been busy (not idle, not waiting for I/O), over all cores. */
    static double machineBusySeconds() {
        try {
            String[] cpu =
                    Files.readAllLines(PROC.resolve("stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            return (total - Long.parseLong(cpu[4]) - Long.parseLong(cpu[5])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A container's memory working set in MiB: usage less inactive file cache, as {@code docker stats} counts. */
    static double containerMemoryMib(String containerId) {
        for (Path dir : List.of(
                CGROUP.resolve("memory").resolve("docker").resolve(containerId),
                CGROUP.resolve("docker").resolve(containerId),
                CGROUP.resolve("system.slice").resolve("docker-" + containerId + ".scope"))) {
            Path stat = dir.resolve("memory.stat");
            if (!Files.exists(stat)) {
                continue;
            }
            Optional<Double> usage =
                    number(dir.resolve("memory.usage_in_bytes")).or(() -> number(dir.resolve("memory.current")));
            double inactive = field(stat, "total_inactive_file")
                    .or(() -> field(stat, "inactive_file"))
                    .orElse(0.0);
            return usage.map(bytes -> (bytes - inactive) / (1024 * 1024)).orElse(Double.NaN);
        }
        return Double.NaN;
    }

    /** CPU seconds a container has used so far. */
    static double containerCpuSeconds(String containerId) {
        Path v1 =
                CGROUP.resolve("cpuacct").resolve("docker").resolve(containerId).resolve("cpuacct.usage");
        if (Files.exists(v1)) {
            return number(v1).orElse(Double.NaN) / 1e9;
        }
        for (Path dir : List.of(
                CGROUP.resolve("docker").resolve(containerId),
                CGROUP.resolve("system.slice").resolve("docker-" + containerId + ".scope"))) {
            Optional<Double> micros = field(dir.resolve("cpu.stat"), "usage_usec");
            if (micros.isPresent()) {
                return micros.get() / 1e6;
            }
        }
        return Double.NaN;
    }

    private static Optional<Double> number(Path file) {
        try {
            return Optional.of(Double.parseDouble(Files.readString(file).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The number after {@code name} on the line of {@code file} that starts with it (units dropped). */
    private static Optional<Double> field(Path file, String name) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(name + " ")
                            || line.startsWith(name + "\t")
                            || (name.endsWith(":") && line.startsWith(name)))
                    .findFirst()
                    .map(line -> Double.parseDouble(
                            line.substring(name.length()).trim().split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
