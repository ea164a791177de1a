package dev.stowage.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.host.ColdStart;
import dev.stowage.host.HostConfig;
import dev.stowage.host.capacity.CapacityDetector;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Scenario 1: where a copy's cold start goes (image pull, artifact download and unpack, container start, first good
 * {@code GET /ping}), with and without {@code DataCacheConfig.EnableCaching}. Each run is a fresh host (an empty
 * artifact cache) on which the image has to be pulled: a first copy; a second beside it (a scale-out from 1 to 2);
 * both removed; then a third (the component back from zero, or a replacement). Without caching the host removes the
 * image it pulled with its last copy and every copy downloads its artifact, so the third pulls again; with caching
 * both stay. Runs alternate which mode goes first; the report gives every run and the medians. Baseline: the
 * uncached copy after the first was removed.
 */
final class ColdStartSplit {
    static final String COMPONENT = "cold";
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(10);

    /** One host's three copies, in one mode. */
    record Run(boolean caching, ColdStart first, ColdStart beside, ColdStart after) {}

    /** Where the copies come from: the image in the registry and the model artifact. */
    record Inputs(RegistryImage image, String artifactUrl, long artifactBytes, Map<String, String> environment) {}

    private ColdStartSplit() {}

    static List<Run> measure(ContainersBenchmark.Settings settings, BenchHosts hosts, Inputs in, PrintStream out)
            throws Exception {
        out.printf(
                Locale.ROOT,
                "Cold start of %s, artifact %s (%.1f MiB); %d run(s) per mode, each on a fresh host; the host"
                        + " pings a starting copy every %d ms:%n",
                in.image().reference(),
                in.artifactUrl(),
                in.artifactBytes() / (1024.0 * 1024),
                settings.coldStartRuns(),
                HostConfig.DEFAULT_PING_INTERVAL.toMillis());
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < settings.coldStartRuns(); r++) {
            for (boolean caching : r % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                Run run = once(hosts, in, caching, "cold-" + r + (caching ? "-cached" : "-uncached"));
                out.printf(
                        Locale.ROOT,
                        "  run %d %-8s first: %s | beside it: %s | after both removed: %s%n",
                        r + 1,
                        mode(caching),
                        run.first(),
                        run.beside(),
                        run.after());
                runs.add(run);
            }
        }
        print(runs, out);
        return runs;
    }

    private static Run once(BenchHosts hosts, Inputs in, boolean caching, String instanceId) throws Exception {
        ObjectNode spec = ContainerHost.specification(
                in.image().reference(), in.artifactUrl(), in.environment(), 1, 512, 1024, caching);
        in.image().removePulled();
        try (ContainerHost host = hosts.start(
                instanceId,
                CapacityDetector.simulated("ml.m5.4xlarge"),
                in.image().auth(),
                OneEndpointDirectory.none())) {
            host.assign("copy-1", COMPONENT, spec);
            ColdStart first = host.awaitLoaded("copy-1", LOAD_TIMEOUT);
            host.assign("copy-2", COMPONENT, spec);
            ColdStart beside = host.awaitLoaded("copy-2", LOAD_TIMEOUT);
            host.removeAndAwait(List.of("copy-1", "copy-2"), LOAD_TIMEOUT);
            host.assign("copy-3", COMPONENT, spec);
            ColdStart after = host.awaitLoaded("copy-3", LOAD_TIMEOUT);
            host.removeAndAwait(List.of("copy-3"), LOAD_TIMEOUT);
            return new Run(caching, first, beside, after);
        } finally {
            in.image().removePulled();
        }
    }

    private static void print(List<Run> runs, PrintStream out) {
        double baseline = seconds(median(runs, false, Run::after, ColdStart::total));
        out.println("  medians (s):");
        out.printf(
                Locale.ROOT,
                "  %-45s %8s %8s %8s %10s %8s %10s%n",
                "copy",
                "image",
                "artifact",
                "start",
                "first ping",
                "total",
                "÷ baseline");
        for (boolean caching : new boolean[] {false, true}) {
            for (Map.Entry<String, Function<Run, ColdStart>> copy : List.of(
                    Map.<String, Function<Run, ColdStart>>entry("first", Run::first),
                    Map.<String, Function<Run, ColdStart>>entry("second, beside the first", Run::beside),
                    Map.<String, Function<Run, ColdStart>>entry("second, after the first was removed", Run::after))) {
                Function<Run, ColdStart> which = copy.getValue();
                double total = seconds(median(runs, caching, which, ColdStart::total));
                out.printf(
                        Locale.ROOT,
                        "  %-45s %8.2f %8.2f %8.2f %10.2f %8.2f %10.3f%n",
                        mode(caching) + " " + copy.getKey(),
                        seconds(median(runs, caching, which, ColdStart::image)),
                        seconds(median(runs, caching, which, ColdStart::artifact)),
                        seconds(median(runs, caching, which, ColdStart::start)),
                        seconds(median(runs, caching, which, ColdStart::firstPing)),
                        total,
                        total / baseline);
            }
        }
        out.printf(
                Locale.ROOT,
                "  cached ÷ uncached, second copy after the first was removed (baseline: uncached): %.3f;"
                        + " second copy beside the first: %.3f%n",
                seconds(median(runs, true, Run::after, ColdStart::total)) / baseline,
                seconds(median(runs, true, Run::beside, ColdStart::total))
                        / seconds(median(runs, false, Run::beside, ColdStart::total)));
    }

    private static Duration median(
            List<Run> runs, boolean caching, Function<Run, ColdStart> copy, Function<ColdStart, Duration> phase) {
        List<Duration> values = runs.stream()
                .filter(run -> run.caching() == caching)
                .map(copy)
                .map(phase)
                .sorted()
                .toList();
        int n = values.size();
        return n % 2 == 1
                ? values.get(n / 2)
                : values.get(n / 2 - 1).plus(values.get(n / 2)).dividedBy(2);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String mode(boolean caching) {
        return caching ? "cached" : "uncached";
    }
}
