package dev.stowage.local.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The copy logs of one inference component: the folder {@code <logs dir>/<component>} where the hosts write
 * {@code <copyId>.log} for every copy that ever ran, current and past.
 */
final class ComponentLogs {
    /** Most characters a tail holds; older lines are left out first. */
    static final int MAX_CHARS = 8 * 1024 * 1024;

    private static final String SUFFIX = ".log";

    private final Path folder;

    private ComponentLogs(Path folder) {
        this.folder = folder;
    }

    /** The logs of {@code component}, a checked name; empty when no copy of it has written a log. */
    static Optional<ComponentLogs> of(Path logsDir, String component) {
        Path folder = logsDir.resolve(component);
        return Files.isDirectory(folder) ? Optional.of(new ComponentLogs(folder)) : Optional.empty();
    }

    /** Where the lines of each copy end and the stamp of the last, as a follower picks up from them. */
    record Position(int order, long offset, @Nullable Instant stamp) {}

    /** The last lines in time order, and the position in each copy's file right after what they include. */
    record Tail(List<LogLine> lines, Map<String, Position> positions) {
        /** Whether the lines come from several copies, so each says which. */
        boolean prefixed() {
            return positions.size() > 1;
        }
    }

    /** The ids of the copies with a log, in no particular order. */
    List<String> copyIds() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX) && name.length() > SUFFIX.length())
                    .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                    .toList();
        }
    }

    /** The log files of these copies ranked by when each began, numbered from {@code firstOrder}. */
    List<CopyLogFile> ranked(List<String> copyIds, int firstOrder) throws IOException {
        record Began(String copyId, Instant began) {}
        List<Began> began = new ArrayList<>();
        for (String copyId : copyIds) {
            began.add(new Began(copyId, new CopyLogFile(copyId, 0, file(copyId)).began()));
        }
        began.sort(Comparator.comparing(Began::began).thenComparing(Began::copyId));
        List<CopyLogFile> files = new ArrayList<>();
        for (Began copy : began) {
            files.add(new CopyLogFile(copy.copyId(), firstOrder + files.size(), file(copy.copyId())));
        }
        return files;
    }

    /** At most {@code maxLines} last lines of every copy (or of {@code copy} alone), in time order. */
    Tail tail(@Nullable String copy, int maxLines) throws IOException {
        List<CopyLogFile> files = ranked(copy == null ? copyIds() : List.of(copy), 0);
        List<LogLine> lines = new ArrayList<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        for (CopyLogFile file : files) {
            CopyLogFile.Read read = file.last(maxLines);
            positions.put(file.copyId(), new Position(file.order(), read.end(), read.lastStamp()));
            lines.addAll(read.lines());
            lines.sort(LogLine.IN_TIME);
            trim(lines, maxLines);
        }
        return new Tail(List.copyOf(lines), positions);
    }

    Path file(String copyId) {
        return folder.resolve(copyId + SUFFIX);
    }

    private static void trim(List<LogLine> lines, int maxLines) {
        int from = Math.max(0, lines.size() - maxLines);
        long chars = 0;
        for (int i = lines.size() - 1; i >= from; i--) {
            chars += lines.get(i).text().length() + 1;
            if (chars > MAX_CHARS) {
                from = i + 1;
                break;
            }
        }
        lines.subList(0, from).clear();
    }
}
