package dev.stowage.host.logs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * One copy log being shipped: the file, how far it has been shipped, and its stream. Reads only complete lines (a
 * line still being written waits for the next round). A line that starts with an ISO instant (as {@code CopyLog}
 * writes them) is stamped with it, others (a child's output) with the time they are read; stamps never go backwards,
 * so a batch is in time order as PutLogEvents requires. Used by one thread at a time.
 */
final class FollowedLog {
    /** Most read per round, so one chatty copy does not hold up the others. */
    static final int MAX_READ = 4 * 1024 * 1024;

    final String group;
    final String stream;
    private final Path file;
    private long offset;
    private long lastStamp;
    boolean streamCreated;

    FollowedLog(String group, String stream, Path file) {
        this.group = group;
        this.stream = stream;
        this.file = file;
        this.offset = size(file);
    }

    /** The complete lines since the last {@link #advance}, with where reading them ends. */
    record Read(List<InputLogEvent> events, long end) {}

    Read read(Clock clock) throws IOException {
        long length = size(file);
        if (length < offset) {
            offset = 0; // the log was moved aside when it grew past its bound (CopyLog.MAX_BYTES): a new file
        }
        if (length <= offset) {
            return new Read(List.of(), offset);
        }
        byte[] bytes = new byte[(int) Math.min(length - offset, MAX_READ)];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(offset);
            raf.readFully(bytes);
        }
        int lastNewline = bytes.length - 1;
        while (lastNewline >= 0 && bytes[lastNewline] != '\n') {
            lastNewline--;
        }
        boolean full = bytes.length == MAX_READ;
        int usable = lastNewline >= 0 ? lastNewline + 1 : (full ? bytes.length : 0);
        List<InputLogEvent> events = new ArrayList<>();
        long stamp = lastStamp;
        for (String line : new String(bytes, 0, usable, StandardCharsets.UTF_8).split("\\R")) {
            if (line.isEmpty()) {
                continue;
            }
            stamp = Math.max(stamp, stampOf(line, clock));
            events.add(InputLogEvent.builder()
                    .timestamp(stamp)
                    .message(LogBatch.fit(line))
                    .build());
        }
        return new Read(events, offset + usable);
    }

    /** Marks what {@code read} returned as shipped. */
    void advance(Read read) {
        offset = read.end();
        if (!read.events().isEmpty()) {
            lastStamp = read.events().getLast().timestamp();
        }
    }

    private static long stampOf(String line, Clock clock) {
        int space = line.indexOf(' ');
        if (space > 0 && Character.isDigit(line.charAt(0))) {
            try {
                return Instant.parse(line.substring(0, space)).toEpochMilli();
            } catch (DateTimeParseException notAStamp) {
                // A child's line that starts with a number.
            }
        }
        return clock.millis();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
