package dev.stowage.local.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one copy's log file in bounded pieces: its last lines, backwards from the end, or the lines appended since
 * an offset. Only complete lines are read (one still being written waits for the next read), empty lines are skipped
 * (as CloudWatch Logs skips them), a line is cut after {@link #MAX_LINE_BYTES}, and one read takes at most {@link
 * #MAX_READ} bytes of the file, so a huge or chatty log costs no more memory than a quiet one.
 */
record CopyLogFile(String copyId, int order, Path file) {
    static final int MAX_READ = 8 * 1024 * 1024;
    static final int MAX_LINE_BYTES = 16 * 1024;
    private static final int FIRST_BLOCK = 64 * 1024;

    /** Lines read, in the file's order, and the offset just past the last complete line read. */
    record Read(List<LogLine> lines, long end) {
        @Nullable
        Instant lastStamp() {
            return lines.isEmpty() ? null : lines.getLast().stamp();
        }
    }

    /** The last {@code maxLines} lines (fewer when the file has fewer, or they reach past {@link #MAX_READ}). */
    Read last(int maxLines) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = size;
            long end = -1;
            Deque<byte[]> lines = new ArrayDeque<>();
            byte[] head = new byte[0];
            int block = FIRST_BLOCK;
            while (position > 0 && (end < 0 || lines.size() < maxLines) && size - position < MAX_READ) {
                int length = (int) Math.min(Math.min(block, position), MAX_READ - (size - position));
                position -= length;
                byte[] bytes = concat(read(channel, position, length), head);
                int stop = bytes.length;
                for (int i = bytes.length - 1; i >= 0 && (end < 0 || lines.size() < maxLines); i--) {
                    if (bytes[i] == '\n') {
                        if (end < 0) {
                            end = position + i + 1;
                        } else if (!blank(bytes, i + 1, stop)) {
                            lines.addFirst(Arrays.copyOfRange(bytes, i + 1, stop));
                        }
                        stop = i;
                    }
                }
                head = Arrays.copyOfRange(bytes, 0, stop);
                block = Math.min(block * 2, MAX_READ);
            }
            if (position == 0 && end >= 0 && lines.size() < maxLines && !blank(head, 0, head.length)) {
                lines.addFirst(head);
            }
            List<String> texts = new ArrayList<>();
            lines.forEach(line -> texts.add(decode(line, 0, line.length)));
            return new Read(stamped(texts, null), Math.max(end, 0));
        }
    }

    /**
     * The complete lines from {@code offset} on; a line without a stamp gets {@code previous} (the last stamp read
     * from this file before) when there is one.
     */
    Read from(long offset, @Nullable Instant previous) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length <= offset) {
                return new Read(List.of(), Math.min(offset, length));
            }
            byte[] bytes = read(channel, offset, (int) Math.min(length - offset, MAX_READ));
            List<String> texts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    texts.add(decode(bytes, start, i));
                    start = i + 1;
                }
            }
            if (start == 0 && bytes.length == MAX_READ) {
                // A line longer than a whole read: take what was read rather than wait for ever.
                texts.add(decode(bytes, 0, bytes.length));
                start = bytes.length;
            }
            return new Read(stamped(texts, previous), offset + start);
        }
    }

    /** The instant this copy's log began: the stamp of its first line, or when the file was last written. */
    Instant began() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] bytes = read(channel, 0, (int) Math.min(channel.size(), 64));
            Instant stamp = LogLine.stampOf(new String(bytes, StandardCharsets.UTF_8));
            return stamp != null ? stamp : modified();
        }
    }

    private List<LogLine> stamped(List<String> texts, @Nullable Instant previous) throws IOException {
        Instant stamp = previous;
        for (int i = 0; stamp == null && i < texts.size(); i++) {
            stamp = LogLine.stampOf(texts.get(i));
        }
        if (stamp == null) {
            stamp = modified();
        }
        List<LogLine> lines = new ArrayList<>();
        for (String text : texts) {
            if (text.isEmpty()) {
                continue;
            }
            Instant own = LogLine.stampOf(text);
            if (own != null && own.isAfter(stamp)) {
                stamp = own;
            }
            lines.add(new LogLine(copyId, order, stamp, text));
        }
        return lines;
    }

    private Instant modified() throws IOException {
        return Files.getLastModifiedTime(file).toInstant();
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        return to == from || (to == from + 1 && bytes[from] == '\r');
    }

    private static String decode(byte[] bytes, int from, int to) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        if (end - from <= MAX_LINE_BYTES) {
            return new String(bytes, from, end - from, StandardCharsets.UTF_8);
        }
        return new String(bytes, from, MAX_LINE_BYTES, StandardCharsets.UTF_8) + " [cut]";
    }

    private static byte[] read(FileChannel channel, long position, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position() == size ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
