package dev.stowage.local.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the lines appended to a component's copy logs (or one copy's) after a {@link ComponentLogs.Tail}: every
 * {@code poll} it reads what each file gained — complete lines only, at most {@link CopyLogFile#MAX_READ} bytes per
 * file and round — and writes them in time order, flushing; the log of a copy that appears meanwhile is read from its
 * start, and from then on lines say their copy. Its thread only sleeps between rounds, so followers hold up neither
 * each other nor the server.
 *
 * <p>It ends when the client has gone (a write fails) or its thread is interrupted (local mode stopping). The JDK's
 * HTTP server only notices a client that left when a write fails, so after {@code keepAlive} without a line it writes
 * an empty line, which no log line is (empty lines are skipped).
 */
final class LogFollower {
    private final ComponentLogs logs;
    private final @Nullable String copy;
    private final Map<String, ComponentLogs.Position> positions;
    private final Duration poll;
    private final Duration keepAlive;

    LogFollower(
            ComponentLogs logs,
            @Nullable String copy,
            Map<String, ComponentLogs.Position> from,
            Duration poll,
            Duration keepAlive) {
        this.logs = logs;
        this.copy = copy;
        this.positions = new LinkedHashMap<>(from);
        this.poll = poll;
        this.keepAlive = keepAlive;
    }

    /** Follows until the client goes or the thread is interrupted; never throws for either. */
    void run(OutputStream out) {
        long quietSince = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(poll);
                List<LogLine> lines = round();
                if (!lines.isEmpty()) {
                    boolean prefixed = positions.size() > 1;
                    StringBuilder text = new StringBuilder();
                    lines.forEach(line -> text.append(line.render(prefixed)).append('\n'));
                    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= keepAlive.toNanos()) {
                    out.write('\n');
                    out.flush();
                    quietSince = System.nanoTime();
                }
            }
        } catch (IOException | UncheckedIOException clientGone) {
            // The client left, or the logs can no longer be read (local mode removing its work dir): done.
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private List<LogLine> round() throws IOException {
        if (copy == null) {
            List<String> added = new ArrayList<>(logs.copyIds());
            added.removeAll(positions.keySet());
            for (CopyLogFile file : logs.ranked(added, positions.size())) {
                positions.put(file.copyId(), new ComponentLogs.Position(file.order(), 0, null));
            }
        }
        List<LogLine> lines = new ArrayList<>();
        for (Map.Entry<String, ComponentLogs.Position> entry : positions.entrySet()) {
            ComponentLogs.Position at = entry.getValue();
            CopyLogFile.Read read = new CopyLogFile(entry.getKey(), at.order(), logs.file(entry.getKey()))
                    .from(at.offset(), at.stamp());
            if (read.end() != at.offset()) {
                Instant last = read.lastStamp();
                entry.setValue(new ComponentLogs.Position(at.order(), read.end(), last != null ? last : at.stamp()));
            }
            lines.addAll(read.lines());
        }
        lines.sort(LogLine.IN_TIME);
        return lines;
    }
}
