package dev.stowage.local.cli;

import dev.stowage.host.PublishedMetrics;
import java.util.List;
import java.util.Optional;

/** Whether {@code stowage metrics NAME} names a metric the hosts publish, and the line that says so if not. */
final class MetricName {
    private MetricName() {}

    /** Why {@code name} is refused, or empty when the hosts publish it. Names are case-sensitive, as CloudWatch's. */
    static Optional<String> refusal(String name) {
        List<String> known = PublishedMetrics.names();
        if (known.contains(name)) {
            return Optional.empty();
        }
        Optional<String> sameLetters =
                known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst();
        return Optional.of("no metric is named '" + name + "'"
                + sameLetters.map(k -> " (did you mean " + k + "?)").orElse("") + "; the hosts publish "
                + String.join(", ", known));
    }
}
