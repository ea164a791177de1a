package dev.stowage.local.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The lines {@code stowage simulate} prints about what it read. */
final class InputSummary {
    private InputSummary() {}

    static List<String> lines(
            String deploymentFile,
            Deployment deployment,
            WorkloadSource source,
            WorkloadShaping shaping,
            WorkloadSummary workload) {
        List<String> lines = new ArrayList<>();
        lines.add("Deployment " + deploymentFile + ": " + deployment.entries().size() + " operations");
        deployment
                .operationCounts()
                .forEach((operation, count) -> lines.add("  " + operation.wireName() + " " + count));
        Set<String> created = deployment.createdComponents();
        lines.add("  components created: " + (created.isEmpty() ? "none" : String.join(", ", created)));
        lines.add("  default component template: "
                + deployment
                        .defaultComponent()
                        .map(template -> deployment.defaultScales() ? "yes, with a scalable target and policy" : "yes")
                        .orElse("none"));
        lines.add("Workload " + source + ": " + workload.components().size() + " components, "
                + workload.totalRequests() + " requests (rate scale " + shaping.rateScale() + ", compressed "
                + shaping.compress() + "x, seed " + shaping.seed() + ")");
        for (ComponentLoad load : workload.components()) {
            String origin = created.contains(load.component()) ? "created" : "from the template";
            lines.add(String.format(
                    "  %-40s %12d requests  %s to %s  (%s)",
                    load.component(), load.requests(), time(load.firstMillis()), time(load.lastMillis()), origin));
        }
        return lines;
    }

    /** {@code [Nd ]HH:MM:SS.mmm} from the start of the workload. */
    static String time(long millis) {
        Duration duration = Duration.ofMillis(millis);
        String clock = String.format(
                "%02d:%02d:%02d.%03d",
                duration.toHoursPart(), duration.toMinutesPart(), duration.toSecondsPart(), duration.toMillisPart());
        return duration.toDays() > 0 ? duration.toDays() + "d " + clock : clock;
    }
}
