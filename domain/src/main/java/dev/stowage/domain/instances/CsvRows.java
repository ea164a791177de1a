package dev.stowage.domain.instances;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the catalogue's CSV files: a header, then one row per line, cells split at commas; blank lines and
 * lines starting with {@code #} are ignored. Errors name the line.
 */
final class CsvRows {
    /** One row's cells, stripped, and the line it is on (from 1). */
    record Row(int lineNumber, List<String> cells) {}

    private CsvRows() {}

    static List<Row> parse(String csv, String header, int cellsPerRow) {
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String raw : csv.split("\\R")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(header)) {
                    throw new IllegalArgumentException("Line " + lineNumber + ": expected the header " + header);
                }
                headerSeen = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != cellsPerRow) {
                throw new IllegalArgumentException(
                        "Line " + lineNumber + ": expected " + cellsPerRow + " cells, found " + cells.length);
            }
            rows.add(new Row(
                    lineNumber, List.of(cells).stream().map(String::strip).toList()));
        }
        return rows;
    }

    /** The text of a classpath resource. */
    static String resource(String name, String what) {
        try (InputStream in = CsvRows.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The " + what + " " + name + " is not on the classpath.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
