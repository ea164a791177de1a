package dev.stowage.local.console;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One line of a copy log with the instant it is placed at: the one it starts with ({@code CopyLog} stamps its lines)
 * or, for a line without one (a child's output), the instant of the line before it in the same file. {@code order}
 * is the copy's rank by when its log began, which breaks ties between copies.
 */
record LogLine(String copyId, int order, Instant stamp, String text) {
    /** Time order across copies; within a copy the order of the file, which stamps never contradict. */
    static final Comparator<LogLine> IN_TIME =
            Comparator.comparing(LogLine::stamp).thenComparingInt(LogLine::order);

    /** The line as served: prefixed by {@code [copyId]} when the answer mixes several copies. */
    String render(boolean prefixed) {
        return prefixed ? "[" + copyId + "] " + text : text;
    }

    /** The instant a line starts with, followed by a space, as {@code CopyLog} writes it; null for other lines. */
    static @Nullable Instant stampOf(String text) {
        int space = text.indexOf(' ');
        if (space < 20 || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            return Instant.parse(text.substring(0, space));
        } catch (DateTimeParseException notAStamp) {
            return null;
        }
    }
}
