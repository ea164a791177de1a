package dev.stowage.local.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One ServeGen {@code chunk-<client>-trace.csv}: no header, one row per window, {@code timestamp_s, rate, cv,
 * pattern, shape, scale}, the windows in increasing time. Rate series are small (2,016 rows for 14 days), so a file is
 * read whole; the requests they stand for are made only as a replay asks.
 */
final class ServeGenFile {
    private static final List<String> COLUMNS = List.of("timestamp", "rate", "cv", "pattern", "shape", "scale");
    private static final int MAX_WINDOWS = 1_000_000;

    private ServeGenFile() {}

    static List<RateWindow> read(Path file) throws IOException {
        List<RateWindow> windows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            long lastStart = -1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                TraceLine line = new TraceLine(file, number, text);
                RateWindow window = window(line);
                if (window.startSeconds() <= lastStart) {
                    throw line.error("the windows are not in increasing time (timestamp " + window.startSeconds()
                            + " after " + lastStart + ")");
                }
                if (windows.size() == MAX_WINDOWS) {
                    throw line.error("more than " + MAX_WINDOWS + " windows");
                }
                lastStart = window.startSeconds();
                windows.add(window);
            }
        }
        if (windows.isEmpty()) {
            throw InputException.inFile(file, "the file has no windows");
        }
        return windows;
    }

    private static RateWindow window(TraceLine line) {
        List<String> fields = line.fields(COLUMNS);
        double start = line.nonNegative("timestamp", fields.get(0));
        if (start != Math.rint(start)) {
            throw line.error("timestamp must be whole seconds, not '" + fields.get(0) + "'");
        }
        double rate = line.nonNegative("rate", fields.get(1));
        line.nonNegative("cv", fields.get(2));
        RateWindow.Pattern pattern;
        try {
            pattern = RateWindow.Pattern.parse(fields.get(3));
        } catch (IllegalArgumentException e) {
            throw line.error("pattern must be Gamma, Weibull or empty, not '" + fields.get(3) + "'");
        }
        return new RateWindow(
                (long) start,
                rate,
                pattern,
                line.nonNegative("shape", fields.get(4)),
                line.nonNegative("scale", fields.get(5)));
    }
}
