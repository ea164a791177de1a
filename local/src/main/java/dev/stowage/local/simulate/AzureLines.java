package dev.stowage.local.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * The Azure LLM inference trace (2023): a header {@code TIMESTAMP,ContextTokens,GeneratedTokens}, then one request a
 * row, its time as {@code YYYY-MM-DD HH:MM:SS.fffffff} (no zone; taken as read). Times count from {@code
 * originNanos}: the earliest first row of the files read together, so that two services keep their offset.
 */
final class AzureLines implements LineParser {
    private static final List<String> COLUMNS = List.of("TIMESTAMP", "ContextTokens", "GeneratedTokens");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    private final String component;
    private final long originNanos;

    AzureLines(String component, long originNanos) {
        this.component = component;
        this.originNanos = originNanos;
    }

    /** The time of the file's first request, in nanoseconds of the epoch as if UTC; 0 for a file with none. */
    static long firstNanos(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            long number = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (!text.isBlank()) {
                    TraceLine line = new TraceLine(file, number, text);
                    return epochNanos(line, line.fields(COLUMNS).getFirst());
                }
            }
        }
        return 0;
    }

    @Override
    public String header() {
        return String.join(",", COLUMNS);
    }

    @Override
    public Arrival parse(TraceLine line) {
        List<String> fields = line.fields(COLUMNS);
        long nanos = epochNanos(line, fields.get(0));
        if (nanos < originNanos) {
            throw line.error("TIMESTAMP " + fields.get(0) + " is earlier than the first request");
        }
        return new Arrival(
                (nanos - originNanos) / 1_000_000,
                component,
                line.tokens("ContextTokens", fields.get(1)),
                line.tokens("GeneratedTokens", fields.get(2)));
    }

    private static long epochNanos(TraceLine line, String value) {
        try {
            LocalDateTime time = LocalDateTime.parse(value, TIME);
            return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + time.getNano();
        } catch (DateTimeParseException e) {
            throw line.error("TIMESTAMP must be YYYY-MM-DD HH:MM:SS.fffffff, not '" + value + "'");
        }
    }
}
