package dev.stowage.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** How {@link CopyDensity} prints its steps and the cost of one more copy. */
final class DensityReport {
    private DensityReport() {}

    static void printHeader(PrintStream out) {
        out.println("  copies | step s | median cold start s (÷ first step) | JVM heap MiB, RSS MiB (÷ empty host),"
                + " platform/virtual threads | engine connections | container MiB median, total | shim+proxy MiB | dockerd+containerd MiB |"
                + " idle cores: JVM, containers, engine, machine | utilization round s, CPU s | available GiB | load");
    }

    static void printStep(CopyDensity.Step step, CopyDensity.Step empty, double firstMedian, PrintStream out) {
        HostFootprint f = step.footprint();
        out.printf(
                Locale.ROOT,
                "  %6d | %6.1f | %6.2f (%5.2f) | %6.1f, %6.1f (%5.2f), %4d/%4d | %4d | %6.1f, %8.1f | %7.1f | %7.1f |"
                        + " %.3f, %.3f, %.3f, %.3f | %5.2f, %5.2f | %5.1f | %5.2f%n",
                step.copies(),
                step.stepSeconds(),
                step.medianColdStartSeconds(),
                step.medianColdStartSeconds() / firstMedian,
                f.heapMib(),
                f.jvmRssMib(),
                f.jvmRssMib() / empty.footprint().jvmRssMib(),
                f.platformThreads(),
                f.virtualThreads(),
                f.engineConnections(),
                f.medianContainerMib(),
                f.totalContainerMib(),
                f.perContainerEngineMib(),
                f.daemonsMib(),
                f.jvmIdleCores(),
                f.containersIdleCores(),
                f.engineIdleCores(),
                f.machineBusyCores(),
                f.utilizationRoundSeconds(),
                f.utilizationRoundCpuSeconds(),
                f.availableMib() / 1024,
                f.loadAverage());
    }

    /** The least-squares slope of each figure over the steps (the empty host included): what one more copy adds. */
    static void printPerCopy(List<CopyDensity.Step> steps, PrintStream out) {
        if (steps.size() < 2) {
            return;
        }
        out.printf(
                Locale.ROOT,
                "  per added copy (least-squares slope over %d samples, 0 to %d copies): JVM heap %.2f MiB, JVM RSS %.2f"
                        + " MiB, platform threads %.2f, virtual threads %.2f, engine connections %.2f; container %.1f MiB; shim+proxy %.2f MiB;"
                        + " dockerd+containerd %.2f MiB; machine's available memory %.1f MiB; idle CPU: JVM %.2f,"
                        + " containers %.2f, engine %.2f millicores; utilization round (every minute) %.1f ms CPU%n",
                steps.size(),
                steps.getLast().copies(),
                slope(steps, HostFootprint::heapMib),
                slope(steps, HostFootprint::jvmRssMib),
                slope(steps, f -> f.platformThreads()),
                slope(steps, f -> f.virtualThreads()),
                slope(steps, f -> f.engineConnections()),
                slope(steps, HostFootprint::totalContainerMib),
                slope(steps, HostFootprint::perContainerEngineMib),
                slope(steps, HostFootprint::daemonsMib),
                -slope(steps, HostFootprint::availableMib),
                1000 * slope(steps, HostFootprint::jvmIdleCores),
                1000 * slope(steps, HostFootprint::containersIdleCores),
                1000 * slope(steps, HostFootprint::engineIdleCores),
                1000 * slope(steps, HostFootprint::utilizationRoundCpuSeconds));
    }

    private static double slope(List<CopyDensity.Step> steps, ToDoubleFunction<HostFootprint> figure) {
        double n = steps.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (CopyDensity.Step step : steps) {
            double x = step.copies();
            double y = figure.applyAsDouble(step.footprint());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
