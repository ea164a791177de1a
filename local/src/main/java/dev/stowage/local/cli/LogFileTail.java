package dev.stowage.local.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code stowage logs} without a component: the last lines of the running {@code stowage up}'s own log file ({@link
 * LogFile}), read where it is on this machine, and with {@code follow} the lines appended after them until the thread
 * is interrupted. The file starting afresh (it does at its size limit) is read again from its start.
 */
final class LogFileTail {
    private static final Duration POLL = Duration.ofMillis(200);
    /** One read takes at most this much of the file. */
    static final int MAX_READ = 4 * 1024 * 1024;

    private final Path file;

    LogFileTail(Path file) {
        this.file = file;
    }

    /** Prints the last {@code lines} complete lines; returns the offset just past them. */
    long last(int lines, PrintWriter out) throws IOException {
        long size = Files.size(file);
        long from = Math.max(0, size - MAX_READ);
        byte[] bytes = read(from, size);
        int end = lastNewline(bytes) + 1;
        Deque<String> last = new ArrayDeque<>();
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        text.lines().skip(from > 0 ? 1 : 0).forEach(line -> {
            last.addLast(line);
            if (last.size() > lines) {
                last.removeFirst();
            }
        });
        last.forEach(out::println);
        out.flush();
        return from + end;
    }

    /** Prints the complete lines appended from {@code offset} on, as they come, until interrupted. */
    void follow(long offset, PrintWriter out) throws IOException, InterruptedException {
        long position = offset;
        while (true) {
            long size = Files.size(file);
            if (size < position) {
                position = 0;
            }
            byte[] bytes = read(position, Math.min(size, position + MAX_READ));
            int end = lastNewline(bytes) + 1;
            if (end == 0 && bytes.length == MAX_READ) {
                end = bytes.length; // a line longer than a whole read: print what there is rather than wait for ever
            }
            if (end > 0) {
                new String(bytes, 0, end, StandardCharsets.UTF_8).lines().forEach(out::println);
                out.flush();
                position += end;
            }
            Thread.sleep(POLL);
        }
    }

    private byte[] read(long from, long to) throws IOException {
        try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
            reader.seek(from);
            byte[] bytes = new byte[(int) Math.max(0, Math.min(to, reader.length()) - from)];
            reader.readFully(bytes);
            return bytes;
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
