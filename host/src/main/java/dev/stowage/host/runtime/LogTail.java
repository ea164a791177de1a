package dev.stowage.host.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the end of a log file without reading all of it. */
final class LogTail {
    private LogTail() {}

    static String of(Path file, int maxLines, int maxChars) {
        String text;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int window = (int) Math.min(length, Math.max(maxChars * 4L, 16_384));
            byte[] bytes = new byte[window];
            raf.seek(length - window);
            raf.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        String[] lines = text.split("\\R", -1);
        int end = lines.length;
        if (end > 0 && lines[end - 1].isEmpty()) {
            end--;
        }
        int start = Math.max(0, end - maxLines);
        String tail = String.join("\n", Arrays.copyOfRange(lines, start, end));
        return tail.length() <= maxChars ? tail : tail.substring(tail.length() - maxChars);
    }
}
