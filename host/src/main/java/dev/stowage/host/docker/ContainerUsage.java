package dev.stowage.host.docker;

import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import dev.stowage.host.runtime.Usage;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container's usage from the Engine's stats sample, as {@code docker stats} computes it: CPU from the change in the
 * container's and the system's CPU time between the sample and the one before it, times the online CPUs; memory as
 * the usage less the inactive file cache (cgroup v1's {@code total_inactive_file}, v2's {@code inactive_file}).
 */
final class ContainerUsage {
    private static final double MIB = 1024 * 1024;

    private ContainerUsage() {}

    static Optional<Usage> of(@Nullable Statistics sample) {
        if (sample == null || sample.getCpuStats() == null || sample.getMemoryStats() == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Usage(cores(sample.getCpuStats(), sample.getPreCpuStats()), memoryMib(sample.getMemoryStats())));
    }

    private static double cores(CpuStatsConfig now, @Nullable CpuStatsConfig before) {
        if (before == null || now.getCpuUsage() == null || before.getCpuUsage() == null) {
            return 0;
        }
        long container = value(now.getCpuUsage().getTotalUsage())
                - value(before.getCpuUsage().getTotalUsage());
        long system = value(now.getSystemCpuUsage()) - value(before.getSystemCpuUsage());
        long cpus = now.getOnlineCpus() != null && now.getOnlineCpus() > 0
                ? now.getOnlineCpus()
                : now.getCpuUsage().getPercpuUsage() == null
                        ? 1
                        : now.getCpuUsage().getPercpuUsage().size();
        return container > 0 && system > 0 ? (double) container / system * cpus : 0;
    }

    private static double memoryMib(MemoryStatsConfig memory) {
        long usage = value(memory.getUsage());
        var stats = memory.getStats();
        long cache = stats == null
                ? 0
                : stats.getTotalInactiveFile() != null ? stats.getTotalInactiveFile() : value(stats.getInactiveFile());
        return Math.max(0, usage - cache) / MIB;
    }

    private static long value(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
