package dev.stowage.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.host.ColdStart;
import dev.stowage.host.HostCapacity;
import dev.stowage.host.capacity.CapacityDetector;
import dev.stowage.host.docker.RegistryAuth;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Scenario 3: how many small copies one simulated instance holds on this machine, and what each costs the host.
 * Copies of the scikit-learn server (0.25 cores and 256 MiB reserved, 512 MiB limit, its artifact cached) are added
 * to one host of a large instance type in equal steps, all of a step at once. After each step the host idles and its
 * {@link HostFootprint} is sampled. It stops when a step's median cold start grows past {@code slowdown} × the first
 * step's, when a copy fails, when the machine's available memory would fall under the floor, when the idle copies use
 * most of the machine's CPU, or when the instance's reservations are full. Baselines: the empty host's footprint, and
 * the first step's cold start.
 */
final class CopyDensity {
    static final String COMPONENT = "small";
    static final String INSTANCE_TYPE = "ml.m5.24xlarge";
    static final double CORES = 0.25;
    static final long MEMORY_MIB = 256;
    /** A step's copies load in seconds; one that takes minutes is stuck. */
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);
    /** Idle copies may use at most this share of the machine's cores before the host is called CPU-bound. */
    private static final double IDLE_CPU_SHARE = 0.75;

    /** One step: its copies' median cold start and how long the step took, then the footprint. */
    record Step(int copies, double medianColdStartSeconds, double stepSeconds, HostFootprint footprint) {}

    private CopyDensity() {}

    static List<Step> measure(
            ContainersBenchmark.Settings settings, BenchHosts hosts, String image, String artifactUrl, PrintStream out)
            throws Exception {
        ObjectNode spec =
                ContainerHost.specification(image, artifactUrl, Map.of(), CORES, MEMORY_MIB, 2 * MEMORY_MIB, true);
        HostCapacity capacity = CapacityDetector.simulated(INSTANCE_TYPE);
        long fits = Math.min(
                capacity.capacity().milliCores() / Math.round(CORES * 1000),
                capacity.capacity().memoryMib() / MEMORY_MIB);
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(
                Locale.ROOT,
                "Copy density: %s copies (%.2f cores, %d MiB reserved) on one %s host (reservations fit %d), %d at a"
                        + " time, %d s idle before each sample; this machine: %d cores, %.1f GiB available%n",
                image,
                CORES,
                MEMORY_MIB,
                INSTANCE_TYPE,
                fits,
                settings.densityStep(),
                settings.idleWindow().toSeconds(),
                cores,
                MachineReadings.availableMemoryMib() / 1024);
        Path scratch = hosts.workDir().resolve("density-scratch");
        Files.createDirectories(scratch);
        List<Step> steps = new ArrayList<>();
        String stop;
        try (ContainerHost host =
                hosts.start("density", capacity, RegistryAuth.ANONYMOUS, OneEndpointDirectory.none())) {
            HostFootprint empty = HostFootprint.sample(host, 0, settings.idleWindow(), scratch);
            steps.add(new Step(0, Double.NaN, Double.NaN, empty));
            DensityReport.printHeader(out);
            DensityReport.printStep(steps.getLast(), steps.getFirst(), Double.NaN, out);
            int copies = 0;
            while (true) {
                String limit = limitBefore(settings, steps, copies, fits, cores);
                if (limit != null) {
                    stop = limit;
                    break;
                }
                long started = System.nanoTime();
                List<Double> loads = new ArrayList<>();
                try {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < settings.densityStep(); i++) {
                        ids.add("copy-" + (++copies));
                        host.assign(ids.getLast(), COMPONENT, spec);
                    }
                    for (String id : ids) {
                        ColdStart cold = host.awaitLoaded(id, LOAD_TIMEOUT);
                        loads.add(cold.total().toNanos() / 1e9);
                    }
                } catch (IllegalStateException e) {
                    stop = "at " + copies + " copies the host stopped loading: " + e.getMessage();
                    break;
                }
                double stepSeconds = (System.nanoTime() - started) / 1e9;
                double median = loads.stream().sorted().toList().get(loads.size() / 2);
                steps.add(new Step(
                        copies,
                        median,
                        stepSeconds,
                        HostFootprint.sample(host, copies, settings.idleWindow(), scratch)));
                double firstMedian = steps.get(1).medianColdStartSeconds();
                DensityReport.printStep(steps.getLast(), steps.getFirst(), firstMedian, out);
                if (median > settings.slowdown() * firstMedian) {
                    stop = String.format(
                            Locale.ROOT,
                            "loading slowed down: the step's median cold start %.1f s is over %.1f × the first step's"
                                    + " %.1f s",
                            median,
                            settings.slowdown(),
                            firstMedian);
                    break;
                }
            }
        }
        DensityReport.printPerCopy(steps, out);
        out.println("  stopped: " + stop);
        return steps;
    }

    /** Why no further step may be added, or null when one may. */
    private static @Nullable String limitBefore(
            ContainersBenchmark.Settings settings, List<Step> steps, int copies, long fits, int cores) {
        HostFootprint last = steps.getLast().footprint();
        if (copies + settings.densityStep() > Math.min(fits, settings.densityMaxCopies())) {
            return copies + settings.densityStep() > fits
                    ? "the instance's reservations are full (" + fits + " copies)"
                    : "the benchmark's cap of " + settings.densityMaxCopies() + " copies";
        }
        double idle = last.jvmIdleCores() + last.containersIdleCores() + last.engineIdleCores();
        if (idle > IDLE_CPU_SHARE * cores) {
            return String.format(
                    Locale.ROOT, "the machine's CPU: idle copies, engine and host use %.2f of %d cores", idle, cores);
        }
        // Other work on the machine moves MemAvailable too: take the larger of its drop and what was counted.
        double perCopy = copies == 0
                ? 2 * MEMORY_MIB
                : Math.max(
                        (steps.getFirst().footprint().availableMib() - last.availableMib()) / copies,
                        (last.totalContainerMib() + last.perContainerEngineMib()) / copies);
        double after = last.availableMib() - settings.densityStep() * perCopy;
        if (after < settings.memoryFloorMib()) {
            return String.format(
                    Locale.ROOT,
                    "the machine's memory: %.0f MiB available, another step would leave about %.0f MiB, under the"
                            + " floor of %d MiB kept for the machine's other work",
                    last.availableMib(),
                    after,
                    settings.memoryFloorMib());
        }
        return null;
    }
}
