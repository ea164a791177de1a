package dev.stowage.domain.fleet;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Instance ids are {@code i-<n>}; copy ids are {@code <inference component>-c<n>}. */
final class FleetIds {
    private static final Pattern INSTANCE = Pattern.compile("i-(\\d{1,9})");
    private static final Pattern COPY_SUFFIX = Pattern.compile("-c(\\d{1,9})");

    private FleetIds() {}

    static Optional<Integer> instanceNumber(String instanceId) {
        Matcher matcher = INSTANCE.matcher(instanceId);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    static Optional<Integer> copyNumber(String inferenceComponentName, String copyId) {
        if (!copyId.startsWith(inferenceComponentName)) {
            return Optional.empty();
        }
        Matcher matcher = COPY_SUFFIX.matcher(copyId.substring(inferenceComponentName.length()));
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
