package dev.stowage.domain.instances;

import java.math.BigDecimal;
import java.util.List;

/**
 * Reads the catalog file ({@link CsvRows}): a header, then one row per type ({@code name, vcpus, memory_gib,
 * accelerator, accelerator_count, accelerator_memory_gib}).
 */
final class InstanceTypeCsv {
    static final String HEADER = "name,vcpus,memory_gib,accelerator,accelerator_count,accelerator_memory_gib";

    private InstanceTypeCsv() {}

    static List<InstanceType> readResource(String resource) {
        return parse(CsvRows.resource(resource, "instance type catalog"));
    }

    static List<InstanceType> parse(String csv) {
        return CsvRows.parse(csv, HEADER, 6).stream().map(InstanceTypeCsv::type).toList();
    }

    private static InstanceType type(CsvRows.Row row) {
        List<String> cells = row.cells();
        try {
            return new InstanceType(
                    cells.get(0),
                    Integer.parseInt(cells.get(1)),
                    gibToMib(cells.get(2)),
                    AcceleratorKind.fromToken(cells.get(3)),
                    Integer.parseInt(cells.get(4)),
                    gibToMib(cells.get(5)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Line " + row.lineNumber() + ": " + e.getMessage(), e);
        }
    }

    private static long gibToMib(String gib) {
        return new BigDecimal(gib.strip())
                .multiply(BigDecimal.valueOf(HostReserve.GIB))
                .longValueExact();
    }
}
