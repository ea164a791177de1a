package dev.stowage.local.simulate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * The Azure LLM inference trace (2023): a header {@code TIMESTAMP,ContextTokens,GeneratedTokens}, then one request a
 * row, its time as {@code YYYY-MM-DD HH:MM:SS.fffffff} (no zone; taken as read). Times count from the first row.
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
    private long originNanos = Long.MIN_VALUE;

    AzureLines(String component) {
        this.component = component;
    }

    @Override
    public String header() {
        return String.join(",", COLUMNS);
    }

    @Override
    public Arrival parse(TraceLine line) {
        List<String> fields = line.fields(COLUMNS);
        long nanos = epochNanos(line, fields.get(0));
        if (originNanos == Long.MIN_VALUE) {
            originNanos = nanos;
        }
        if (nanos < originNanos) {
            throw line.error("TIMESTAMP " + fields.get(0) + " is earlier than the first row's");
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
