package dev.stowage.local.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * ServeGen's per-client rate series: every {@code *-trace.csv} under the folder is one component named {@code <model
 * folder>-<file stem>}. A window's request count is its rate × 600 × the rate scale, rounded at random with the
 * component's seeded generator; its requests are placed by {@link GapSampler}. Arrivals are made one window at a time
 * (all components' requests of one window are in memory together), and carry 0 tokens: ServeGen's files record no
 * lengths.
 */
final class ServeGenWorkload implements Workload {
    static final int MAX_FILES = 10_000;

    private final Map<String, List<RateWindow>> series;
    private final WorkloadShaping shaping;

    private ServeGenWorkload(Map<String, List<RateWindow>> series, WorkloadShaping shaping) {
        this.series = series;
        this.shaping = shaping;
    }

    static ServeGenWorkload read(Path folder, WorkloadShaping shaping) throws IOException {
        List<Path> files;
        try (Stream<Path> found = Files.walk(folder)) {
            files = found.filter(file -> file.getFileName().toString().endsWith("-trace.csv"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .limit(MAX_FILES + 1L)
                    .toList();
        }
        if (files.isEmpty()) {
            throw InputException.inFile(folder, "no ServeGen *-trace.csv file under this folder");
        }
        if (files.size() > MAX_FILES) {
            throw InputException.inFile(folder, "more than " + MAX_FILES + " trace files");
        }
        Map<String, List<RateWindow>> series = new LinkedHashMap<>();
        for (Path file : files) {
            String component = ComponentNames.fromServeGenFile(file);
            if (series.put(component, ServeGenFile.read(file)) != null) {
                throw InputException.inFile(file, "a second file for component " + component);
            }
        }
        return new ServeGenWorkload(series, shaping);
    }

    /** Each component's windows, as read (before shaping). */
    Map<String, List<RateWindow>> series() {
        return series;
    }

    @Override
    public WorkloadSummary summary() {
        WorkloadSummary.Tally tally = new WorkloadSummary.Tally();
        series.forEach((component, windows) -> {
            tally.component(component);
            for (RateWindow window : windows) {
                int count = count(window, random(component, window));
                long start = shaping.time(window.startSeconds() * 1000.0);
                long end = shaping.time((window.startSeconds() + RateWindow.SECONDS) * 1000.0);
                tally.add(component, count, start, end);
            }
        });
        return tally.summary();
    }

    @Override
    public Stream<Arrival> arrivals() {
        TreeMap<Long, List<Map.Entry<String, RateWindow>>> byStart = new TreeMap<>();
        series.forEach((component, windows) ->
                windows.forEach(window -> byStart.computeIfAbsent(window.startSeconds(), start -> new ArrayList<>())
                        .add(Map.entry(component, window))));
        return byStart.values().stream().flatMap(this::windowArrivals);
    }

    private Stream<Arrival> windowArrivals(List<Map.Entry<String, RateWindow>> windows) {
        List<Arrival> arrivals = new ArrayList<>();
        for (Map.Entry<String, RateWindow> entry : windows) {
            String component = entry.getKey();
            RateWindow window = entry.getValue();
            SplittableRandom random = random(component, window);
            int count = count(window, random);
            double startMillis = window.startSeconds() * 1000.0;
            for (double offset : GapSampler.offsets(window, count, random)) {
                long time = shaping.time(startMillis + offset * RateWindow.SECONDS * 1000);
                arrivals.add(new Arrival(time, component, 0, 0));
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::timestampMillis));
        return arrivals.stream();
    }

    private int count(RateWindow window, SplittableRandom random) {
        return WorkloadShaping.round(window.expectedRequests(shaping.rateScale()), random);
    }

    private SplittableRandom random(String component, RateWindow window) {
        return shaping.random(component, window.startSeconds());
    }
}
