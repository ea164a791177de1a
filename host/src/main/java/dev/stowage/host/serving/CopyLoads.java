package dev.stowage.host.serving;

import dev.stowage.host.copies.CopyTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outstanding requests of a host's copies as they travel between hosts: {@code copy-1=3,copy-2=0}, in the
 * {@value #HEADER} header of every forwarded response and in the body of a gossip push. Parts that do not parse are
 * skipped: a report is advice, never a reason to fail.
 */
final class CopyLoads {
    static final String HEADER = "X-Stowage-Copy-Loads";

    private CopyLoads() {}

    static String of(CopyTable table) {
        return table.all().stream()
                .map(copy -> copy.copyId() + "=" + copy.inFlight())
                .collect(Collectors.joining(","));
    }

    static Map<String, Integer> parse(String text) {
        Map<String, Integer> loads = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            try {
                loads.put(
                        part.substring(0, equals).trim(),
                        Integer.parseInt(part.substring(equals + 1).trim()));
            } catch (NumberFormatException e) {
                // skip it
            }
        }
        return loads;
    }
}
