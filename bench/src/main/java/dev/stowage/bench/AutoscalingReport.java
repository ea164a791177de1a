package dev.stowage.bench;

import dev.stowage.bench.FleetTimeline.Interval;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints what the autoscaling runs measured, in simulated time, with the time scale each ran at. */
final class AutoscalingReport {
    private AutoscalingReport() {}

    static void scaleOut(PrintStream out, List<ScaleOutTiming.Phases> runs) {
        out.println("Time from a load step to the new copy serving (simulated seconds; real ms in brackets)");
        out.println("| metric | period | time scale | target | load before → after | step into period | detect"
                + " (→ ALARM) | decide (→ desired count) | place (→ scheduled) | load (→ serving) | total |"
                + " desired |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (ScaleOutTiming.Phases p : runs) {
            double scale = p.clock().scale();
            out.printf(
                    Locale.ROOT,
                    "| %s | %d s | %.0f | %s | %s | %.1f s | **%.1f s** | %s | %s | %s | **%.1f s** | 1 → %d |%n",
                    p.metric().predefined.replace("SageMakerInferenceComponent", ""),
                    p.metric().periodSeconds,
                    scale,
                    unit(p.metric(), p.target()),
                    unit(p.metric(), p.before()) + " → " + unit(p.metric(), p.after()),
                    p.stepIntoPeriod(),
                    p.detect(),
                    withReal(p.decide(), scale),
                    withReal(p.place(), scale),
                    withReal(p.load(), scale),
                    p.total(),
                    p.desiredCount());
        }
        out.println();
    }

    static void scaleFromZero(PrintStream out, ScaleFromZero.Result r) {
        Outcomes recipe = r.recipe();
        Outcomes waiting = r.waiting();
        out.printf(
                Locale.ROOT,
                "Requests failed while scaling from zero (time scale %.0f; no instance and no copy at first; %.0f"
                        + " requests per simulated minute for %d s)%n",
                r.clock().scale(),
                r.perMinute(),
                r.traffic().toSeconds());
        out.println("| scale from zero by | requests | failed | failed ÷ recipe's | first copy serving | longest"
                + " successful request | failures |");
        out.println("|---|---|---|---|---|---|---|");
        row(out, "recipe: NoCapacityInvocationFailures alarm + step policy", recipe, recipe, r.recipeFirstCopy(), r);
        row(out, "waiting: X-Stowage-Wait-For-Capacity", waiting, recipe, r.waitingFirstCopy(), r);
        out.println();
    }

    private static void row(
            PrintStream out, String name, Outcomes o, Outcomes baseline, double firstCopy, ScaleFromZero.Result r) {
        out.printf(
                Locale.ROOT,
                "| %s | %d | **%d** | %s | %.0f s | %.0f s | %s |%n",
                name,
                o.sent(),
                o.failed(),
                baseline.failed() == 0
                        ? "—"
                        : String.format(Locale.ROOT, "%.2f", o.failed() / (double) baseline.failed()),
                firstCopy,
                o.longestNanos() / 1e9 * r.clock().scale(),
                o.failures().isEmpty() ? "—" : o.failures().toString());
    }

    static void travelChat(PrintStream out, TravelChatExample.Result r) {
        TravelChatExample.Settings s = r.settings();
        out.printf(
                Locale.ROOT,
                "The announcement's example: %d day(s) of %s simulated at time scale %.0f (%.0f s real), %.0f"
                        + " requests per simulated minute to the busy variant, scale from zero by waiting for capacity%n",
                s.days(),
                s.day(),
                s.timeScale(),
                s.day().multipliedBy(s.days()).toSeconds() / s.timeScale(),
                s.perMinute());
        for (TravelChatExample.Variant v : r.variants().values().stream()
                .sorted((a, b) -> a.component().compareTo(b.component()))
                .toList()) {
            out.printf(
                    Locale.ROOT,
                    "  %s: %d requests, %d failed %s; longest %.0f s; copies during %s%n",
                    v.component(),
                    v.requests().sent(),
                    v.requests().failed(),
                    v.requests().failures().isEmpty() ? "" : v.requests().failures(),
                    v.requests().longestNanos() / 1e9 * s.timeScale(),
                    v.withCopies().stream().map(i -> intervalText(r.clock(), i)).collect(Collectors.joining(", ")));
        }
        double shared = r.sharedInstanceHours();
        out.println("| | instance-hours | shared ÷ this |");
        out.println("|---|---|---|");
        out.printf(Locale.ROOT, "| one shared endpoint (measured) | %.2f | 1 |%n", shared);
        out.printf(
                Locale.ROOT,
                "| two dedicated endpoints, always on (as AWS bills endpoints without inference components) | %.2f |"
                        + " **%.3f** |%n",
                r.dedicatedAlwaysOnHours(),
                shared / r.dedicatedAlwaysOnHours());
        out.printf(
                Locale.ROOT,
                "| two dedicated endpoints, each on only while its model has a copy (same run) | %.2f | %.3f |%n",
                r.dedicatedWhileCopiesHours(),
                shared / r.dedicatedWhileCopiesHours());
        out.printf(
                Locale.ROOT,
                "Shared endpoint: at most %d instance(s) at once, %d requested, %d lost: %s%n%n",
                r.maxInstancesAtOnce(),
                r.instancesRequested(),
                r.instancesLost(),
                r.maxInstancesAtOnce() <= 1 ? "it never needed a second instance" : "IT NEEDED A SECOND INSTANCE");
    }

    private static String intervalText(SimulatedTime clock, Interval i) {
        return clock.clock(i.from()) + "–" + clock.clock(i.to());
    }

    private static String unit(ScaleOutTiming.Metric metric, double value) {
        return metric == ScaleOutTiming.Metric.INVOCATIONS_PER_COPY
                ? String.format(Locale.ROOT, "%.0f/min", value)
                : String.format(Locale.ROOT, "%.0f in flight", value);
    }

    private static String withReal(double simulatedSeconds, double scale) {
        return String.format(Locale.ROOT, "%.1f s [%.0f ms]", simulatedSeconds, simulatedSeconds / scale * 1000);
    }
}
