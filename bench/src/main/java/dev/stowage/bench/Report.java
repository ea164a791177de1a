package dev.stowage.bench;

import static dev.stowage.bench.ControlPlaneCalls.CREATE;
import static dev.stowage.bench.ControlPlaneCalls.DESCRIBE;
import static dev.stowage.bench.ControlPlaneCalls.DESCRIBE_ENDPOINT;
import static dev.stowage.bench.ControlPlaneCalls.LIST;
import static dev.stowage.bench.Latencies.meanMillis;
import static dev.stowage.bench.Latencies.percentileMillis;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints the figures of a run, each beside the baseline measured in the same run. */
final class Report {
    private final BenchSettings settings;
    private final Figures figures;

    Report(BenchSettings settings, Figures figures) {
        this.settings = settings;
        this.figures = figures;
    }

    void print(PrintStream out) {
        Runtime.Version jdk = Runtime.version();
        out.printf("Stowage control-plane benchmark (issue 2)%n");
        out.printf(
                "machine: %d processors, %s %s, JDK %s (%s); DynamoDB Local in memory%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                jdk,
                System.getProperty("java.vm.vendor"));
        out.printf(
                "runs: warm-up %d s per workload at 8 threads, then each measured run up to %d s%n%n",
                settings.warmUp().toSeconds(), settings.measure().toSeconds());

        out.printf("Baseline: conditional PutItem into local mode's DynamoDB Local (SDK v2, Apache 5 client)%n");
        out.printf("%8s %10s %8s %8s %8s%n", "threads", "puts/s", "p50 ms", "p99 ms", "puts");
        for (Figures.Run run : figures.raw) {
            long[] puts = run.load().latencies().sorted(RawPuts.OPERATION);
            out.printf(
                    "%8d %10.1f %8.2f %8.2f %8d%n",
                    run.load().threads(),
                    run.load().perSecond(),
                    percentileMillis(puts, 50),
                    percentileMillis(puts, 99),
                    run.load().iterations());
        }

        out.printf(
                "%nStack: CreateInferenceComponent + DescribeInferenceComponent pairs, one SageMakerClient per thread%n");
        out.printf(
                "%8s %9s %12s %11s %11s %11s %11s %10s %10s%n",
                "clients",
                "pairs/s",
                "÷ raw put/s",
                "Create p50",
                "Create p99",
                "Descr. p50",
                "Descr. p99",
                "C p50÷put",
                "D p50÷put");
        for (int i = 0; i < figures.pairs.size(); i++) {
            Load.Result pairs = figures.pairs.get(i).load();
            Load.Result raw = figures.raw.get(i).load();
            long[] create = pairs.latencies().sorted(CREATE);
            long[] describe = pairs.latencies().sorted(DESCRIBE);
            double put50 = percentileMillis(raw.latencies().sorted(RawPuts.OPERATION), 50);
            out.printf(
                    "%8d %9.1f %12.3f %11.2f %11.2f %11.2f %11.2f %10.1f %10.1f%n",
                    pairs.threads(),
                    pairs.perSecond(),
                    pairs.perSecond() / raw.perSecond(),
                    percentileMillis(create, 50),
                    percentileMillis(create, 99),
                    percentileMillis(describe, 50),
                    percentileMillis(describe, 99),
                    percentileMillis(create, 50) / put50,
                    percentileMillis(describe, 50) / put50);
        }
        out.printf("(ratios against the baseline run with the same number of threads)%n");

        Figures.Run others = Objects.requireNonNull(figures.others);
        double put50 =
                percentileMillis(figures.raw.getFirst().load().latencies().sorted(RawPuts.OPERATION), 50);
        out.printf(
                "%nOther operations, 1 client, %d inference components on the endpoint%n", figures.inferenceComponents);
        out.printf("%-40s %7s %8s %8s %10s%n", "operation", "calls", "p50 ms", "p99 ms", "p50÷put");
        for (String operation : List.of(LIST, DESCRIBE_ENDPOINT)) {
            long[] samples = others.load().latencies().sorted(operation);
            String label = operation.equals(LIST) ? LIST + " (MaxResults 10)" : operation;
            out.printf(
                    "%-40s %7d %8.2f %8.2f %10.1f%n",
                    label,
                    samples.length,
                    percentileMillis(samples, 50),
                    percentileMillis(samples, 99),
                    percentileMillis(samples, 50) / put50);
        }

        Figures.Run single = figures.pairs.getFirst();
        out.printf(
                "%nDynamoDB requests per API call (counted by an interceptor on the application's client, 1-client run)%n");
        requestsPerCall(out, CREATE, single);
        requestsPerCall(out, DESCRIBE, single);
        requestsPerCall(out, LIST, others);
        requestsPerCall(out, DESCRIBE_ENDPOINT, others);
        Probe.Totals background = single.probe().get(Probe.BACKGROUND);
        if (background != null) {
            out.printf(
                    "  %-30s %6.2f per pair  %s%n",
                    "stream-driven projector",
                    background.dynamoDbRequestCount() / (double) single.load().iterations(),
                    breakdown(background, single.load().iterations()));
        }
        for (int i = 0; i < figures.pairs.size(); i++) {
            Figures.Run pairs = figures.pairs.get(i);
            double perPair = pairs.probe().values().stream()
                            .mapToLong(Probe.Totals::dynamoDbRequestCount)
                            .sum()
                    / (double) pairs.load().iterations();
            double requestsPerSecond = pairs.load().perSecond() * perPair;
            out.printf(
                    "  %d client(s): %.1f DynamoDB requests per pair (projector included) × %.1f pairs/s = %.0f"
                            + " requests/s = %.2f × raw puts/s%n",
                    pairs.load().threads(),
                    perPair,
                    pairs.load().perSecond(),
                    requestsPerSecond,
                    requestsPerSecond / figures.raw.get(i).load().perSecond());
        }

        out.printf("%nWhere the time goes (1 client, mean ms per call)%n");
        out.printf(
                "%-28s %10s %10s %12s %14s %14s%n",
                "operation", "client", "handler", "in DynamoDB", "handler rest", "HTTP+SDK");
        timeSplit(out, RawPuts.OPERATION, figures.raw.getFirst());
        timeSplit(out, CREATE, single);
        timeSplit(out, DESCRIBE, single);
        timeSplit(out, LIST, others);
        timeSplit(out, DESCRIBE_ENDPOINT, others);
        out.printf("(client: as the SDK caller sees it; handler: SigV4 check + API handler, on the server thread;"
                + " HTTP+SDK: client − handler)%n");
        out.printf(
                "%nDynamoDB requests by kind (1-client pair run, all callers): count, mean ms as the caller sees it%n");
        Map<String, long[]> byRequest = new TreeMap<>();
        for (Probe.Totals totals : single.probe().values()) {
            totals.dynamoDbRequests.forEach((name, count) -> {
                long[] sums = byRequest.computeIfAbsent(name, n -> new long[2]);
                sums[0] += count.sum();
                sums[1] += totals.dynamoDbNanosByRequest.get(name).sum();
            });
        }
        byRequest.forEach((name, sums) -> out.printf("  %-20s %7d %8.2f ms%n", name, sums[0], sums[1] / 1e6 / sums[0]));
    }

    private static void requestsPerCall(PrintStream out, String operation, Figures.Run run) {
        Probe.Totals totals = run.probe().get(operation);
        if (totals == null) {
            return;
        }
        long calls = totals.calls.sum();
        out.printf(
                "  %-30s %6.2f per call  %s%n",
                operation, totals.dynamoDbRequestCount() / (double) calls, breakdown(totals, calls));
    }

    private static String breakdown(Probe.Totals totals, long calls) {
        return totals.dynamoDbRequestsByName().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format("%.2f", e.getValue() / (double) calls))
                .collect(Collectors.joining(", "));
    }

    private static void timeSplit(PrintStream out, String operation, Figures.Run run) {
        Map<String, Probe.Totals> probe = run.probe();
        Probe.Totals totals = probe.get(operation);
        if (totals == null) {
            return;
        }
        long calls = totals.calls.sum();
        double client = meanMillis(run.load().latencies().sorted(operation));
        double handler = totals.nanos.sum() / 1e6 / calls;
        double dynamoDb = totals.dynamoDbNanos.sum() / 1e6 / calls;
        boolean raw = operation.equals(RawPuts.OPERATION);
        out.printf(
                "%-28s %10.2f %10s %12.2f %14s %14s%n",
                operation,
                client,
                raw ? "-" : String.format("%.2f", handler),
                dynamoDb,
                raw ? "-" : String.format("%.2f", handler - dynamoDb),
                raw ? "-" : String.format("%.2f", client - handler));
    }
}
