package dev.stowage.local.console;

import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code GET /stowage/logs}: {@code component} (a SageMaker inference component name, which also
 * keeps the path inside the logs folder), {@code copy}, {@code tail} (default {@value #DEFAULT_TAIL}, at most {@value
 * #MAX_TAIL}) and {@code follow}. Parameters that do not check are an {@link IllegalArgumentException} with a message
 * for the caller.
 */
record LogQuery(String component, @Nullable String copy, int tail, boolean follow) {
    static final int DEFAULT_TAIL = 200;
    static final int MAX_TAIL = 10_000;
    static final String USAGE = "GET /stowage/logs?component=NAME[&copy=ID][&tail=N][&follow=true]";

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?$");
    private static final int MAX_NAME = 63;

    static LogQuery of(Map<String, String> parameters) {
        String component = parameters.get("component");
        if (component == null || component.isEmpty()) {
            throw new IllegalArgumentException("component is required: " + USAGE + ".");
        }
        if (component.length() > MAX_NAME || !NAME.matcher(component).matches()) {
            throw new IllegalArgumentException("component must be an inference component name (at most " + MAX_NAME
                    + " letters, digits and hyphens, starting and ending with a letter or digit), not \"" + component
                    + "\".");
        }
        String copy = parameters.get("copy");
        return new LogQuery(
                component,
                copy == null || copy.isEmpty() ? null : copy,
                tail(parameters.get("tail")),
                follow(parameters));
    }

    private static int tail(@Nullable String raw) {
        if (raw == null) {
            return DEFAULT_TAIL;
        }
        long lines;
        try {
            lines = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            lines = raw.chars().allMatch(Character::isDigit) && !raw.isEmpty() ? Long.MAX_VALUE : -1;
        }
        if (lines < 0) {
            throw new IllegalArgumentException(
                    "tail must be a whole number of lines from 0 to " + MAX_TAIL + ", not " + raw + ".");
        }
        if (lines > MAX_TAIL) {
            throw new IllegalArgumentException("tail must be at most " + MAX_TAIL + " lines, not " + raw + ".");
        }
        return (int) lines;
    }

    private static boolean follow(Map<String, String> parameters) {
        String raw = parameters.getOrDefault("follow", "false");
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("follow must be true or false, not " + raw + ".");
        }
        return raw.equalsIgnoreCase("true");
    }
}
