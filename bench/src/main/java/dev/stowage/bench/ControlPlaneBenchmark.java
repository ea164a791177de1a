package dev.stowage.bench;

import dev.stowage.local.LocalMode;
import dev.stowage.local.LocalModeOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Control-plane throughput and latency in local mode (issue 2), against raw conditional puts into the same DynamoDB
 * Local in the same run. Run it with {@code bench/run}; {@code docs/benchmarks.md} records its figures.
 *
 * <ol>
 *   <li>Local mode starts in memory on a free port with the real {@code StowageApplication} ({@link
 *       ProbedApplication}).
 *   <li>Baseline: conditional {@code PutItem}s from 1 and 8 threads ({@link RawPuts}).
 *   <li>Our stack: CreateInferenceComponent + DescribeInferenceComponent pairs from 1 and 8 threads, each thread
 *       with its own {@link SageMakerClient}; then ListInferenceComponents and DescribeEndpoint from one.
 * </ol>
 */
public final class ControlPlaneBenchmark {
    static final int[] THREADS = {1, 8};

    private ControlPlaneBenchmark() {}

    public static void main(String[] args) {
        BenchSettings settings =
                args.length > 0 && args[0].equals("--smoke") ? BenchSettings.smoke() : BenchSettings.standard();
        run(settings, System.out);
        // DynamoDB Local leaves a non-daemon thread (its shard rollover job) sleeping after it stops.
        System.exit(0);
    }

    /** Runs every workload with {@code settings}, prints the report on {@code out} and returns what it measured. */
    static Figures run(BenchSettings settings, PrintStream out) {
        Probe probe = new Probe();
        ProbedApplication application = new ProbedApplication(probe);
        LocalModeOptions options = LocalModeOptions.defaults();
        options = new LocalModeOptions(
                0, null, options.region(), options.account(), options.accessKey(), options.secretKey());
        try (LocalMode local = LocalMode.start(options, application)) {
            Figures figures = new Figures();
            RawPuts raw = new RawPuts(application.dynamoDb(), probe);
            warmUp(settings, raw.step("warm"));
            for (int threads : THREADS) {
                probe.reset();
                figures.raw.add(new Figures.Run(
                        Load.run(threads, settings.measure(), settings.iterationsPerThread(), raw.step("t" + threads)),
                        probe.snapshot()));
            }

            List<SageMakerClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < THREADS[THREADS.length - 1]; i++) {
                    clients.add(ControlPlaneCalls.client(local.baseUri()));
                }
                ControlPlaneCalls.createEndpoint(clients.getFirst());
                figures.warmUpPairs = warmUp(settings, pairs(clients, "w"));
                for (int threads : THREADS) {
                    probe.reset();
                    figures.pairs.add(new Figures.Run(
                            Load.run(
                                    threads,
                                    settings.measure(),
                                    settings.iterationsPerThread(),
                                    pairs(clients, "c" + threads)),
                            probe.snapshot()));
                }
                probe.reset();
                figures.others = new Figures.Run(
                        Load.run(1, settings.measure(), settings.otherCalls(), (thread, iteration, latencies) -> {
                            ControlPlaneCalls.listTen(clients.getFirst(), latencies);
                            ControlPlaneCalls.describeEndpoint(clients.getFirst(), latencies);
                        }),
                        probe.snapshot());
                figures.inferenceComponents = figures.pairs.stream()
                                .mapToLong(r -> r.load().iterations())
                                .sum()
                        + figures.warmUpPairs;
            } finally {
                clients.forEach(SageMakerClient::close);
            }
            new Report(settings, figures).print(out);
            return figures;
        }
    }

    private static Load.Step pairs(List<SageMakerClient> clients, String run) {
        return (thread, iteration, latencies) -> ControlPlaneCalls.createAndDescribe(
                clients.get(thread), ControlPlaneCalls.name(run, thread, iteration), latencies);
    }

    /** Runs {@code step} untimed on the most threads for the warm-up time; returns how many iterations ran. */
    private static long warmUp(BenchSettings settings, Load.Step step) {
        if (settings.warmUp().isZero()) {
            return 0;
        }
        return Load.run(THREADS[THREADS.length - 1], settings.warmUp(), Long.MAX_VALUE, step)
                .iterations();
    }
}
