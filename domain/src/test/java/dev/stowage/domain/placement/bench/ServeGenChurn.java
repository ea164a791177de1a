package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.CopyDemand;
import dev.stowage.domain.placement.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The churn workload from the ServeGen per-client rate series ({@code servegen/data/language/<model>/chunk-<n>-trace.csv}
 * of the shared traces): each client is one component; its desired copies in a 10-minute window are
 * {@code min(CAP, ceil(rate / per-copy throughput))}, so a client without requests wants none. The model folder
 * sets the copy: m-small 1 device, m-mid 2, m-large 4, and the throughput of one copy.
 */
final class ServeGenChurn {
    /** One day of 10-minute windows. */
    static final int DAY = 144;
    /** Copies of one component at most: the rates are a public cloud's, scaled down to one endpoint. */
    static final int CAP = 8;

    /** Devices, cores, memory (GiB) and requests per second one copy serves, by model folder. */
    private record Model(int devices, double cores, long memoryGib, double throughput) {}

    private static final Map<String, Model> MODELS = Map.of(
            "m-small", new Model(1, 6, 24, 25),
            "m-mid", new Model(2, 12, 56, 12),
            "m-large", new Model(4, 24, 120, 3));

    private ServeGenChurn() {}

    /** {@code days} days from the start of day {@code firstDay}, after {@code warmUp} windows before it. */
    static ChurnWorkload read(Path language, int firstDay, int days, int warmUp) {
        Map<String, CopyDemand> demands = new LinkedHashMap<>();
        Map<String, Duration> loadTimes = new LinkedHashMap<>();
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (String model : List.of("m-small", "m-mid", "m-large")) {
            Model m = MODELS.get(model);
            for (Path file : files(language.resolve(model))) {
                String ic = model + "-" + file.getFileName().toString().replace("-trace.csv", "");
                demands.put(ic, CopyDemand.uniform(Resources.of(m.cores(), m.devices(), m.memoryGib() * 1024)));
                loadTimes.put(ic, ChurnWorkload.loadTime(m.devices()));
                rates.put(ic, rates(file));
            }
        }
        List<Map<String, Integer>> desired = new ArrayList<>();
        int from = firstDay * DAY - warmUp;
        for (int w = from; w < (firstDay + days) * DAY; w++) {
            Map<String, Integer> window = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : rates.entrySet()) {
                Model m = MODELS.get(e.getKey().substring(0, e.getKey().indexOf("-chunk")));
                window.put(e.getKey(), (int) Math.min(CAP, Math.ceil(e.getValue()[w] / m.throughput())));
            }
            desired.add(window);
        }
        return new ChurnWorkload("ServeGen", demands, loadTimes, Duration.ofMinutes(10), warmUp, desired);
    }

    /** The per-copy throughput of a model folder, for the report. */
    static String mapping() {
        StringBuilder text = new StringBuilder();
        for (String model : List.of("m-small", "m-mid", "m-large")) {
            Model m = MODELS.get(model);
            text.append(String.format(
                    Locale.ROOT,
                    "%s: %d device(s), %.0f cores, %d GiB, %.0f req/s per copy, load %s; ",
                    model,
                    m.devices(),
                    m.cores(),
                    m.memoryGib(),
                    m.throughput(),
                    ChurnWorkload.loadTime(m.devices())));
        }
        return text + "at most " + CAP + " copies";
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.getFileName().toString().endsWith("-trace.csv"))
                    .sorted(Comparator.comparingInt(
                            p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] rates(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank())
                    .mapToDouble(line -> Double.parseDouble(line.split(",")[1]))
                    .toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
