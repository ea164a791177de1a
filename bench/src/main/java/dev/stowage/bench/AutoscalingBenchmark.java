package dev.stowage.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Autoscaling in local mode at {@code --time-scale} (issue 5). Run it with {@code bench/run autoscaling [--smoke]
 * [--days N]}; {@code docs/benchmarks.md} records its figures. Three parts, each on its own local mode:
 *
 * <ol>
 *   <li>{@link ScaleOutTiming}: the time from a load step to the new copy serving, split into detect, decide, place and
 *       load, for {@code InvocationsPerCopy} (60 s) and {@code ConcurrentRequestsPerCopyHighResolution} (10 s).
 *   <li>{@link ScaleFromZero}: requests failed while scaling from zero with the public recipe (the baseline) and with
 *       {@code X-Stowage-Wait-For-Capacity}.
 *   <li>{@link TravelChatExample}: the announcement's European/American example over simulated days; instance-hours
 *       of the shared endpoint beside two dedicated endpoints.
 * </ol>
 *
 * Everything is printed in simulated time; the wall clock runs {@code time scale} times slower.
 */
public final class AutoscalingBenchmark {
    /**
     * @param stepScale time scale of the load-step and scale-from-zero runs
     * @param zeroPerMinute requests per simulated minute in the scale-from-zero run
     * @param zeroTraffic how long (simulated) that traffic lasts
     * @param example the example's settings, or null to skip it
     */
    record Settings(
            double stepScale,
            double zeroPerMinute,
            Duration zeroTraffic,
            TravelChatExample.@Nullable Settings example) {
        static Settings standard(int days) {
            TravelChatExample.Settings example = TravelChatExample.Settings.standard();
            return new Settings(
                    20,
                    12,
                    Duration.ofMinutes(10),
                    new TravelChatExample.Settings(example.timeScale(), example.day(), days, example.perMinute()));
        }

        /** Seconds per part: a higher time scale, a short burst and a compressed example day. */
        static Settings smoke() {
            return new Settings(60, 12, Duration.ofMinutes(6), null);
        }
    }

    /** What one run measured. */
    record Figures(
            List<ScaleOutTiming.Phases> scaleOut,
            ScaleFromZero.Result fromZero,
            TravelChatExample.@Nullable Result example) {}

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private AutoscalingBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        int days = arguments.contains("--days") ? Integer.parseInt(arguments.get(arguments.indexOf("--days") + 1)) : 1;
        int status = 0;
        try {
            run(arguments.contains("--smoke") ? Settings.smoke() : Settings.standard(days), System.out);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        // DynamoDB Local leaves a non-daemon thread (its shard rollover job) sleeping after it stops.
        System.exit(status);
    }

    static Figures run(Settings settings, PrintStream out) throws Exception {
        out.printf(
                Locale.ROOT,
                "Autoscaling, local mode in memory, %d CPUs, Java %s; instances boot in %d s and copies load in %d s"
                        + " (simulated)%n%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                FleetTimers.BOOT.toSeconds(),
                Deployments.MODEL_LOAD.toSeconds());
        List<ScaleOutTiming.Phases> scaleOut = new ArrayList<>();
        ScaleFromZero.Result fromZero;
        try (AutoscalingLab lab = AutoscalingLab.start(settings.stepScale())) {
            for (ScaleOutTiming.Metric metric : ScaleOutTiming.Metric.values()) {
                scaleOut.add(ScaleOutTiming.measure(lab, metric, TIMEOUT));
            }
            AutoscalingReport.scaleOut(out, scaleOut);
            fromZero = ScaleFromZero.measure(lab, settings.zeroPerMinute(), settings.zeroTraffic(), TIMEOUT);
            AutoscalingReport.scaleFromZero(out, fromZero);
        }
        TravelChatExample.Settings exampleSettings = settings.example();
        TravelChatExample.Result example = exampleSettings == null ? null : runExample(exampleSettings, out);
        return new Figures(scaleOut, fromZero, example);
    }

    /** The example on a local mode of its own at its time scale; prints its report. */
    static TravelChatExample.Result runExample(TravelChatExample.Settings settings, PrintStream out)
            throws InterruptedException {
        try (AutoscalingLab lab = AutoscalingLab.start(settings.timeScale())) {
            TravelChatExample.Result result = TravelChatExample.run(lab, settings, TIMEOUT);
            AutoscalingReport.travelChat(out, result);
            return result;
        }
    }
}
