package dev.stowage.domain.instances;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the catalog file: a header, then one row per type ({@code name, vcpus, memory_gib, accelerator,
 * accelerator_count, accelerator_memory_gib}); blank lines and lines starting with {@code #} are ignored.
 */
final class InstanceTypeCsv {
    static final String HEADER = "name,vcpus,memory_gib,accelerator,accelerator_count,accelerator_memory_gib";

    private InstanceTypeCsv() {}

    static List<InstanceType> readResource(String resource) {
        try (InputStream in = InstanceTypeCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The instance type catalog " + resource + " is not on the classpath.");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<InstanceType> parse(String csv) {
        List<InstanceType> types = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String raw : csv.split("\\R")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException("Line " + lineNumber + ": expected the header " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            types.add(row(line, lineNumber));
        }
        return types;
    }

    private static InstanceType row(String line, int lineNumber) {
        String[] cells = line.split(",", -1);
        if (cells.length != 6) {
            throw new IllegalArgumentException("Line " + lineNumber + ": expected 6 cells, found " + cells.length);
        }
        try {
            return new InstanceType(
                    cells[0].strip(),
                    Integer.parseInt(cells[1].strip()),
                    gibToMib(cells[2]),
                    AcceleratorKind.fromToken(cells[3]),
                    Integer.parseInt(cells[4].strip()),
                    gibToMib(cells[5]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static long gibToMib(String gib) {
        return new BigDecimal(gib.strip())
                .multiply(BigDecimal.valueOf(HostReserve.GIB))
                .longValueExact();
    }
}
