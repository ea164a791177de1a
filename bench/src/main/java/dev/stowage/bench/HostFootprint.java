package dev.stowage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a host with its copies costs the machine, sampled once: CPU while idle (nobody calls the copies; the median of
 * five parts of the window, so that one busy moment of the machine's other work does not decide it) of the host's JVM
 * (this one: the host runs in process), of the copies' containers, of the engine's processes, and of the whole machine;
 * the wall and CPU time (JVM and engine) of one utilization round, which the host runs every minute and which samples
 * every copy's usage through the engine; then the JVM's heap after a full GC, resident set, platform and virtual threads,
 * connections to the engine, each
 * container's memory working set, and the proportional memory of the engine's processes — the per-container ones
 * ({@code containerd-shim}, {@code docker-proxy}) of this host's containers and the shared daemons ({@code dockerd},
 * {@code containerd}).
 */
record HostFootprint(
        int copies,
        double jvmIdleCores,
        double containersIdleCores,
        double engineIdleCores,
        double machineBusyCores,
        double utilizationRoundSeconds,
        double utilizationRoundCpuSeconds,
        double heapMib,
        double jvmRssMib,
        int platformThreads,
        int virtualThreads,
        int engineConnections,
        double[] containerMib,
        double perContainerEngineMib,
        double daemonsMib,
        double availableMib,
        double loadAverage) {

    /** The idle window is cut in this many parts, and each CPU figure is the median of the parts. */
    private static final int WINDOWS = 5;

    /** Idles {@code window}, then samples the footprint of {@code host}'s {@code copies} copies. */
    static HostFootprint sample(ContainerHost host, int copies, Duration window, Path scratch)
            throws InterruptedException {
        List<Container> containers = host.containers();
        List<String> ids = containers.stream().map(Container::getId).toList();
        Set<String> ports = containers.stream()
                .flatMap(c -> Arrays.stream(c.getPorts()))
                .map(ContainerPort::getPublicPort)
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .collect(Collectors.toSet());
        List<MachineReadings.Proc> perContainer =
                MachineReadings.processes(p -> (p.comm().startsWith("containerd-shim")
                                && ids.stream().anyMatch(id -> p.cmdline().contains("-id " + id)))
                        || (p.comm().equals("docker-proxy")
                                && ports.stream().anyMatch(port -> p.cmdline().contains("-host-port " + port + " "))));
        List<MachineReadings.Proc> daemons = MachineReadings.processes(
                p -> p.comm().equals("dockerd") || p.comm().equals("containerd"));
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        double[][] cores = new double[4][WINDOWS];
        for (int w = 0; w < WINDOWS; w++) {
            double[] before = cpuSeconds(os, ids, perContainer, daemons);
            long start = System.nanoTime();
            Thread.sleep(window.dividedBy(WINDOWS));
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] after = cpuSeconds(os, ids, perContainer, daemons);
            for (int i = 0; i < 4; i++) {
                cores[i][w] = (after[i] - before[i]) / seconds;
            }
        }
        double[] before = cpuSeconds(os, ids, perContainer, daemons);
        long start = System.nanoTime();
        host.host().publishUtilization();
        double roundSeconds = (System.nanoTime() - start) / 1e9;
        double[] after = cpuSeconds(os, ids, perContainer, daemons);
        double roundCpu = after[0] - before[0] + after[2] - before[2];

        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
        return new HostFootprint(
                copies,
                median(cores[0]),
                median(cores[1]),
                median(cores[2]),
                median(cores[3]),
                roundSeconds,
                roundCpu,
                heap,
                MachineReadings.ownRssMib(),
                ManagementFactory.getThreadMXBean().getThreadCount(),
                virtualThreads(scratch),
                MachineReadings.ownUnixSockets(),
                ids.stream().mapToDouble(MachineReadings::containerMemoryMib).toArray(),
                MachineReadings.pssMib(perContainer),
                MachineReadings.pssMib(daemons),
                MachineReadings.availableMemoryMib(),
                MachineReadings.loadAverage());
    }

    /** The median container's working set, MiB (NaN without containers). */
    double medianContainerMib() {
        double[] sorted = containerMib.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    double totalContainerMib() {
        return Arrays.stream(containerMib).sum();
    }

    /** CPU seconds so far of this JVM, the containers, the engine's processes and the whole machine. */
    private static double[] cpuSeconds(
            OperatingSystemMXBean os,
            List<String> containers,
            List<MachineReadings.Proc> perContainer,
            List<MachineReadings.Proc> daemons) {
        return new double[] {
            os.getProcessCpuTime() / 1e9,
            containers.stream()
                    .mapToDouble(MachineReadings::containerCpuSeconds)
                    .sum(),
            MachineReadings.cpuSeconds(perContainer) + MachineReadings.cpuSeconds(daemons),
            MachineReadings.machineBusySeconds()
        };
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Virtual threads alive now, from a JSON thread dump (the only JDK view that lists them). */
    private static int virtualThreads(Path scratch) {
        Path dump = scratch.resolve("threads-" + System.nanoTime() + ".json");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            JsonNode root = new ObjectMapper().readTree(dump.toFile());
            int count = 0;
            for (JsonNode container : root.path("threadDump").path("threadContainers")) {
                for (JsonNode thread : container.path("threads")) {
                    if (thread.path("virtual").asBoolean(false)) {
                        count++;
                    }
                }
            }
            return count;
        } catch (IOException e) {
            return -1;
        } finally {
            try {
                Files.deleteIfExists(dump);
            } catch (IOException ignored) {
                // a stray dump in a temporary folder
            }
        }
    }
}
