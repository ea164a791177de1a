package dev.stowage.local.simulate;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files under {@code src/test/resources/simulate/}, and the real traces in {@code /work/shared/traces/}. */
final class Fixtures {
    static final Path TRACES = Path.of("/work/shared/traces");

    private Fixtures() {}

    static Path file(String name) {
        URL url = Fixtures.class.getResource("/simulate/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Arrival> arrivals(Workload workload) {
        try (Stream<Arrival> arrivals = workload.arrivals()) {
            return arrivals.toList();
        }
    }

    static List<Arrival> firstArrivals(Workload workload, int count) {
        try (Stream<Arrival> arrivals = workload.arrivals()) {
            return arrivals.limit(count).toList();
        }
    }

    static boolean exists(Path trace) {
        return Files.exists(trace);
    }
}
