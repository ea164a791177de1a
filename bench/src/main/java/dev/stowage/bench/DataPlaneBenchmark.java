package dev.stowage.bench;

import dev.stowage.host.InferenceHost;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.serving.ServingSettings;
import dev.stowage.local.LocalMode;
import dev.stowage.local.LocalModeOptions;
import dev.stowage.local.wiring.LocalFleetOptions;
import dev.stowage.local.wiring.StowageApplication;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;
import software.amazon.awssdk.services.sagemaker.model.RoutingStrategy;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * Data-plane latency in local mode (issue 4). Run it with {@code bench/run dataplane [--smoke]}; {@code
 * docs/benchmarks.md} records its figures.
 *
 * <ol>
 *   <li>Local mode starts in memory on a free port with the real {@link StowageApplication} and fast fleet timers
 *       (instances boot in 100 ms).
 *   <li>Two endpoints on {@code ml.g5.12xlarge} with 2 instances each, one routing RANDOM and one
 *       LEAST_OUTSTANDING_REQUESTS, each with one {@code stowage/llm-sim} component (1 accelerator, 4 copies).
 *   <li>For 50, 70 and 90 % utilisation, each endpoint in turn gets the same open-loop Poisson arrivals with the same
 *       log-normal output lengths (seeded), through {@link SageMakerRuntimeClient} on virtual threads. Latency is
 *       measured from each request's scheduled arrival, so a late client does not hide queueing.
 *   <li>Router overhead: a {@code stowage/echo} component (one copy) called sequentially directly at its copy's
 *       base URL, through the runtime API of the copy's host (the router alone), and through the local port with the
 *       SDK (signing, the front's router, then the host); then Stowage's own {@code OverheadLatency} read back from
 *       {@code /stowage/metrics}.
 * </ol>
 *
 * <p>Utilisation is offered tokens per second ÷ capacity. {@code stowage/llm-sim} batches like an LLM server (one
 * decode step emits a token to every active request and takes {@code STOWAGE_TOKEN_MS × (1 + STOWAGE_BATCH_SLOWDOWN
 * × (active − 1))}), so a copy's throughput grows with its batch and its capacity is its throughput at the most
 * requests the router lets it take at once, {@code ServingSettings.concurrencyLimit()} = 16 (= its {@code
 * STOWAGE_MAX_BATCH}). The capacity is measured before the load starts: 64 equal requests at once on the
 * LEAST_OUTSTANDING_REQUESTS endpoint, which gives each of the 4 copies a full batch of 16.
 */
public final class DataPlaneBenchmark {
    static final String VARIANT = "AllTraffic";
    static final String ROLE = "arn:aws:iam::000000000000:role/bench";
    /** llm-sim's {@code STOWAGE_MAX_BATCH}: requests a copy decodes together; more wait in the copy. */
    static final int MAX_BATCH = 16;

    /**
     * Requests the router lets one copy have at once: Stowage's default (16, the batch: requests beyond it wait in
     * Stowage's queue), or {@code -Dstowage.bench.copyLimit=64} (beyond the batch they wait in the copy, as behind a
     * load balancer that does not cap copies, which is what SageMaker's RANDOM does).
     */
    static final int COPY_CONCURRENCY = Integer.getInteger(
            "stowage.bench.copyLimit", ServingSettings.defaults().concurrencyLimit());

    /**
     * The copy limit of each endpoint's component ({@code STOWAGE_MAX_CONCURRENT_REQUESTS_PER_COPY}):
     * {@code -Dstowage.bench.randomCopyLimit=64 -Dstowage.bench.lorCopyLimit=16} compares RANDOM as SageMaker routes
     * (copies queue what their batch does not hold) with LEAST_OUTSTANDING_REQUESTS as Stowage serves it by default
     * (requests beyond a batch wait in Stowage and go to the first copy with room). Both default to {@link
     * #COPY_CONCURRENCY}.
     */
    static int limitOf(RoutingStrategy routing) {
        return Integer.getInteger(
                routing == RoutingStrategy.RANDOM ? "stowage.bench.randomCopyLimit" : "stowage.bench.lorCopyLimit",
                COPY_CONCURRENCY);
    }

    static final int COPIES = 4;
    static final int INSTANCES = 2;
    static final int TOKEN_MS = 1;
    /** What each further request in a copy's batch adds to a decode step: 16 together decode 4× slower each. */
    static final double BATCH_SLOWDOWN = 0.2;

    static final double MEAN_TOKENS = 340;
    static final double SIGMA = 1.0;
    static final int MAX_TOKENS = 8192;
    static final double[] UTILISATIONS = {0.5, 0.7, 0.9};
    static final long SEED = 42;

    /**
     * How long each measured point runs, how long the requests are that measure the capacity and a copy's speed
     * alone, and how many calls the overhead phase makes.
     */
    record Settings(Duration point, int calibrationTokens, int overheadCalls, int overheadWarmUp) {
        static Settings standard() {
            return new Settings(Duration.ofSeconds(30), 400, 3000, 500);
        }

        static Settings smoke() {
            return new Settings(Duration.ofSeconds(2), 100, 100, 20);
        }
    }

    /** The fleet's timers: as the local SDK tests' (boot 100 ms, hosts poll every 50 ms, placement ticks 200 ms). */
    static final LocalFleetOptions FAST =
            LocalFleetOptions.quick().withServing(ServingSettings.defaults().withConcurrencyLimit(COPY_CONCURRENCY));

    private DataPlaneBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        run(smoke ? Settings.smoke() : Settings.standard(), System.out);
        // DynamoDB Local leaves a non-daemon thread (its shard rollover job) sleeping after it stops.
        System.exit(0);
    }

    /** One measured point: latencies (ns) of the requests that succeeded, and how many failed. */
    record Point(
            String strategy,
            double utilisation,
            double rate,
            long[] sorted,
            int failed,
            double achievedRate,
            java.util.Map<String, Integer> failures) {
        double p(double percentile) {
            return Latencies.percentileMillis(sorted, percentile);
        }

        /** Little's law: the mean number of requests in flight, from what was measured. */
        double meanInFlight() {
            return achievedRate * Latencies.meanMillis(sorted) / 1000.0;
        }
    }

    static List<Point> run(Settings settings, PrintStream out) throws Exception {
        StowageApplication stowage = new StowageApplication(FAST);
        LocalModeOptions defaults = LocalModeOptions.defaults();
        LocalModeOptions options = new LocalModeOptions(
                0, null, defaults.region(), defaults.account(), defaults.accessKey(), defaults.secretKey());
        List<Point> points = new ArrayList<>();
        try (LocalMode local = LocalMode.start(options, stowage);
                SageMakerClient sageMaker = ControlPlaneCalls.client(local.baseUri());
                SageMakerRuntimeClient runtime = runtimeClient(local.baseUri(), options)) {
            out.printf(
                    Locale.ROOT,
                    "Data plane, local mode in memory, %d CPUs, Java %s, %s %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    System.getProperty("os.name"),
                    System.getProperty("os.arch"));
            deploy(sageMaker, "dp-random", "llm-random", RoutingStrategy.RANDOM, "stowage/llm-sim", COPIES, INSTANCES);
            deploy(
                    sageMaker,
                    "dp-lor",
                    "llm-lor",
                    RoutingStrategy.LEAST_OUTSTANDING_REQUESTS,
                    "stowage/llm-sim",
                    COPIES,
                    INSTANCES);
            deploy(sageMaker, "dp-echo", "echo", RoutingStrategy.LEAST_OUTSTANDING_REQUESTS, "stowage/echo", 1, 1);
            awaitInService(sageMaker, List.of("llm-random", "llm-lor", "echo"), List.of(COPIES, COPIES, 1));
            for (String endpoint : List.of("dp-random", "dp-lor")) {
                out.printf(
                        Locale.ROOT,
                        "%s: copies per host %s%n",
                        endpoint,
                        copiesPerHost(stowage, endpoint, endpoint.equals("dp-random") ? "llm-random" : "llm-lor"));
            }

            // Warm-up, then a copy's speed alone (one request at a time) and the capacity: 64 equal requests at once on
            // dp-lor, which gives each copy a full batch of 16. Each is measured twice, with requests of L and 2L
            // tokens, and the difference taken: what a request costs besides decoding (connections, the proxy hop,
            // the SDK, batches filling up) cancels out.
            Workload sequence = Workload.of(new SplittableRandom(SEED), 20_000);
            for (int i = 0; i < 20; i++) {
                invokeLlm(runtime, "dp-random", "llm-random", 64);
                invokeLlm(runtime, "dp-lor", "llm-lor", 64);
            }
            int calibrationTokens = settings.calibrationTokens();
            double aloneMsPerToken =
                    (alone(runtime, 2 * calibrationTokens) - alone(runtime, calibrationTokens)) / calibrationTokens;
            Burst shortBurst = burst(runtime, "dp-lor", "llm-lor", COPIES * MAX_BATCH, calibrationTokens);
            Burst longBurst = burst(runtime, "dp-lor", "llm-lor", COPIES * MAX_BATCH, 2 * calibrationTokens);
            double capacity = longBurst.tokensPerSecondBeyond(shortBurst);
            double slowdownAtLimit = 1 + BATCH_SLOWDOWN * (MAX_BATCH - 1);
            out.printf(
                    Locale.ROOT,
                    "llm-sim STOWAGE_TOKEN_MS=%d STOWAGE_BATCH_SLOWDOWN=%.2f STOWAGE_MAX_BATCH=%d (a batch of %d decodes"
                            + " %.1fx slower each than one); workload: log-normal sigma %.1f, mean %.1f tokens (p50 %d,"
                            + " p99 %d, max %d, capped at %d)%n"
                            + "alone: %.3f ms/token (one request at a time, %d and %d tokens); capacity: %d requests at"
                            + " once on dp-lor, %d ok of %d tokens in %.0f ms and %d ok of %d tokens in %.0f ms -> %.0f"
                            + " tokens/s (configured: %d copies x %d / (%d ms x %.1f) = %.0f tokens/s); the router lets"
                            + " a copy have %d requests at once (RANDOM's component %d, LOR's %d)%n",
                    TOKEN_MS,
                    BATCH_SLOWDOWN,
                    MAX_BATCH,
                    MAX_BATCH,
                    slowdownAtLimit,
                    SIGMA,
                    sequence.meanTokens(),
                    sequence.tokenPercentile(50),
                    sequence.tokenPercentile(99),
                    sequence.tokenPercentile(100),
                    MAX_TOKENS,
                    aloneMsPerToken,
                    calibrationTokens,
                    2 * calibrationTokens,
                    COPIES * MAX_BATCH,
                    shortBurst.ok(),
                    shortBurst.tokens(),
                    shortBurst.millis(),
                    longBurst.ok(),
                    longBurst.tokens(),
                    longBurst.millis(),
                    capacity,
                    COPIES,
                    MAX_BATCH,
                    TOKEN_MS,
                    slowdownAtLimit,
                    COPIES * MAX_BATCH / (TOKEN_MS * slowdownAtLimit) * 1000,
                    COPY_CONCURRENCY,
                    limitOf(RoutingStrategy.RANDOM),
                    limitOf(RoutingStrategy.LEAST_OUTSTANDING_REQUESTS));

            for (double u : UTILISATIONS) {
                double rate = u * capacity / sequence.meanTokens();
                Arrivals arrivals =
                        Arrivals.poisson(new SplittableRandom(SEED + (long) (u * 100)), rate, settings.point());
                for (String strategy : List.of("RANDOM", "LEAST_OUTSTANDING_REQUESTS")) {
                    boolean random = strategy.equals("RANDOM");
                    Point point = drive(
                            runtime,
                            random ? "dp-random" : "dp-lor",
                            random ? "llm-random" : "llm-lor",
                            strategy,
                            u,
                            rate,
                            arrivals,
                            sequence);
                    points.add(point);
                    out.printf(
                            Locale.ROOT,
                            "  u=%.0f%% %-26s rate %.1f/s (this sample %.1f/s, %.0f%% of capacity in tokens, mean in"
                                    + " flight %.1f of %d) ok=%d failed=%d  p50 %.1f ms  p99 %.1f ms%s%n",
                            u * 100,
                            strategy,
                            rate,
                            point.achievedRate(),
                            point.achievedRate() * sequence.meanTokens(arrivals.offsetsNanos().length) / capacity * 100,
                            point.meanInFlight(),
                            COPIES
                                    * limitOf(
                                            random
                                                    ? RoutingStrategy.RANDOM
                                                    : RoutingStrategy.LEAST_OUTSTANDING_REQUESTS),
                            point.sorted().length,
                            point.failed(),
                            point.p(50),
                            point.p(99),
                            point.failures().isEmpty() ? "" : "  failures " + point.failures());
                }
            }
            out.println();
            out.println("| utilisation | arrivals/s | RANDOM p50 | RANDOM p99 | LOR p50 | LOR p99 | LOR÷RANDOM p50 |"
                    + " LOR÷RANDOM p99 | failed (R/L) |");
            out.println("|---|---|---|---|---|---|---|---|---|");
            for (int i = 0; i + 1 < points.size(); i += 2) {
                Point r = points.get(i);
                Point l = points.get(i + 1);
                out.printf(
                        Locale.ROOT,
                        "| %.0f %% | %.1f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.3f | %.3f | %d / %d |%n",
                        r.utilisation() * 100,
                        r.rate(),
                        r.p(50),
                        r.p(99),
                        l.p(50),
                        l.p(99),
                        l.p(50) / r.p(50),
                        l.p(99) / r.p(99),
                        r.failed(),
                        l.failed());
            }
            out.println();
            overhead(settings, stowage, local.baseUri(), runtime, out);
        }
        return points;
    }

    private static SageMakerRuntimeClient runtimeClient(URI uri, LocalModeOptions options) {
        return SageMakerRuntimeClient.builder()
                .endpointOverride(uri)
                .region(Region.of(options.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(options.accessKey(), options.secretKey())))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(2048)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(
                        c -> c.retryStrategy(r -> r.maxAttempts(1)).apiCallTimeout(Duration.ofSeconds(120)))
                .build();
    }

    private static void deploy(
            SageMakerClient sageMaker,
            String endpoint,
            String component,
            RoutingStrategy routing,
            String image,
            int copies,
            int instances) {
        sageMaker.createEndpointConfig(
                b -> b.endpointConfigName(endpoint).executionRoleArn(ROLE).productionVariants(v -> v.variantName(
                                VARIANT)
                        .instanceType(ProductionVariantInstanceType.ML_G5_12_XLARGE)
                        .initialInstanceCount(instances)
                        .routingConfig(r -> r.routingStrategy(routing))));
        sageMaker.createEndpoint(b -> b.endpointName(endpoint).endpointConfigName(endpoint));
        sageMaker.createInferenceComponent(b -> b.inferenceComponentName(component)
                .endpointName(endpoint)
                .variantName(VARIANT)
                .specification(s -> s.container(c -> c.image(image)
                                .environment(java.util.Map.of(
                                        "STOWAGE_TOKEN_MS",
                                        Integer.toString(TOKEN_MS),
                                        "STOWAGE_BATCH_SLOWDOWN",
                                        Double.toString(BATCH_SLOWDOWN),
                                        "STOWAGE_MAX_BATCH",
                                        Integer.toString(MAX_BATCH))))
                        .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(1f)
                                .numberOfAcceleratorDevicesRequired(1f)
                                .minMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(copies)));
    }

    private static void awaitInService(SageMakerClient sageMaker, List<String> components, List<Integer> copies)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < components.size(); i++) {
            String name = components.get(i);
            int want = copies.get(i);
            while (true) {
                var d = sageMaker.describeInferenceComponent(b -> b.inferenceComponentName(name));
                if (d.inferenceComponentStatus() == InferenceComponentStatus.IN_SERVICE
                        && d.runtimeConfig().currentCopyCount() == want) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " not InService with " + want + " copies: " + d);
                }
                Thread.sleep(50);
            }
        }
    }

    private static List<Integer> copiesPerHost(StowageApplication stowage, String endpoint, String component) {
        return stowage.instances().hosts("fleet/" + endpoint + "/" + VARIANT).stream()
                .map(h -> h.copies().serving(component).size())
                .toList();
    }

    private static void invokeLlm(SageMakerRuntimeClient runtime, String endpoint, String component, int tokens) {
        runtime.invokeEndpoint(b -> b.endpointName(endpoint)
                .inferenceComponentName(component)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String("{\"max_new_tokens\": " + tokens + "}")));
    }

    /** Requests sent all at once: how many succeeded, and the time from the first send to the last answer. */
    record Burst(int ok, int tokens, double millis) {
        /** The tokens per second this longer burst delivered beyond a shorter one. */
        double tokensPerSecondBeyond(Burst shorter) {
            return ((double) ok * tokens - (double) shorter.ok() * shorter.tokens())
                    / (millis - shorter.millis())
                    * 1000;
        }
    }

    /** The mean time (ms) of 3 requests of {@code tokens} on dp-lor, one at a time. */
    private static double alone(SageMakerRuntimeClient runtime, int tokens) {
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            invokeLlm(runtime, "dp-lor", "llm-lor", tokens);
        }
        return (System.nanoTime() - start) / 1e6 / 3;
    }

    private static Burst burst(SageMakerRuntimeClient runtime, String endpoint, String component, int n, int tokens)
            throws InterruptedException {
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                clients.execute(() -> {
                    try {
                        invokeLlm(runtime, endpoint, component, tokens);
                        ok.incrementAndGet();
                    } catch (RuntimeException e) {
                        // counted as not ok: the capacity is what the successful ones delivered
                    }
                });
            }
        }
        return new Burst(ok.get(), tokens, (System.nanoTime() - start) / 1e6);
    }

    /** Open loop: request i is sent at its scheduled time on its own virtual thread, whatever the others do. */
    private static Point drive(
            SageMakerRuntimeClient runtime,
            String endpoint,
            String component,
            String strategy,
            double utilisation,
            double rate,
            Arrivals arrivals,
            Workload workload)
            throws InterruptedException {
        int n = arrivals.offsetsNanos().length;
        long[] latencies = new long[n];
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.ConcurrentHashMap<String, Integer> failures =
                new java.util.concurrent.ConcurrentHashMap<>();
        long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                long due = origin + arrivals.offsetsNanos()[i];
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                int tokens = workload.tokens(i);
                clients.execute(() -> {
                    try {
                        invokeLlm(runtime, endpoint, component, tokens);
                        latencies[index] = System.nanoTime() - due;
                    } catch (RuntimeException e) {
                        latencies[index] = -1;
                        failed.incrementAndGet();
                        String kind = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                                ? e.getClass().getSimpleName() + " " + aws.statusCode()
                                : e.getClass().getSimpleName();
                        failures.merge(kind, 1, Integer::sum);
                    }
                });
            }
            clients.shutdown();
            if (!clients.awaitTermination(3, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests still running 3 minutes after the last arrival");
            }
        }
        long[] ok = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        double seconds = arrivals.offsetsNanos().length == 0 ? 1 : arrivals.offsetsNanos()[n - 1] / 1e9;
        return new Point(strategy, utilisation, rate, ok, failed.get(), n / seconds, new java.util.TreeMap<>(failures));
    }

    private static void overhead(
            Settings settings, StowageApplication stowage, URI base, SageMakerRuntimeClient runtime, PrintStream out)
            throws Exception {
        List<InferenceHost> hosts = stowage.instances().hosts("fleet/dp-echo/" + VARIANT);
        InferenceHost host = hosts.stream()
                .filter(h -> !h.copies().serving("echo").isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no serving copy of echo"));
        RoutableCopy copy = host.copies().serving("echo").getFirst();
        String body = "{\"inputs\":\"hello, overhead\"}";
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest direct = HttpRequest.newBuilder(URI.create(copy.baseUrl() + "/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpRequest viaHost = HttpRequest.newBuilder(URI.create(host.address() + "/endpoints/dp-echo/invocations"))
                .header("Content-Type", "application/json")
                .header("X-Amzn-SageMaker-Inference-Component", "echo")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        List<Path> paths = List.of(
                new Path("direct to the copy (java.net.http, POST <copy>/invocations)", () -> send(http, direct)),
                new Path("through the copy's host (java.net.http, the host's router)", () -> send(http, viaHost)),
                new Path(
                        "through the local port (SageMakerRuntimeClient, SigV4, front -> host -> copy)",
                        () -> runtime.invokeEndpoint(b -> b.endpointName("dp-echo")
                                .inferenceComponentName("echo")
                                .contentType("application/json")
                                .body(SdkBytes.fromUtf8String(body)))));
        for (int i = 0; i < settings.overheadWarmUp(); i++) {
            paths.forEach(path -> path.call().run());
        }
        long[][] nanos = new long[paths.size()][settings.overheadCalls()];
        // Interleaved, one at a time, so every path sees the same machine.
        for (int i = 0; i < settings.overheadCalls(); i++) {
            for (int p = 0; p < paths.size(); p++) {
                long start = System.nanoTime();
                paths.get(p).call().run();
                nanos[p][i] = System.nanoTime() - start;
            }
        }
        out.printf(
                Locale.ROOT,
                "Router overhead, stowage/echo, %d sequential calls each (after %d warm-up):%n",
                settings.overheadCalls(),
                settings.overheadWarmUp());
        Arrays.sort(nanos[0]);
        double dp50 = Latencies.percentileMillis(nanos[0], 50);
        double dp99 = Latencies.percentileMillis(nanos[0], 99);
        for (int p = 0; p < paths.size(); p++) {
            Arrays.sort(nanos[p]);
            double p50 = Latencies.percentileMillis(nanos[p], 50);
            double p99 = Latencies.percentileMillis(nanos[p], 99);
            out.printf(
                    Locale.ROOT,
                    "  %-80s p50 %.3f ms  p99 %.3f ms;  ÷ direct p50 %.2f p99 %.2f;  − direct p50 %.3f ms p99 %.3f ms%n",
                    paths.get(p).name(),
                    p50,
                    p99,
                    p50 / dp50,
                    p99 / dp99,
                    p50 - dp50,
                    p99 - dp99);
        }
        Thread.sleep(1500); // let the invocation metrics reach the in-memory store
        for (String stat : List.of("p50", "p99")) {
            HttpRequest metrics = HttpRequest.newBuilder(URI.create(
                            base + "/stowage/metrics?name=OverheadLatency&period=3600&periods=2&stat=" + stat))
                    .GET()
                    .build();
            HttpResponse<String> r = http.send(metrics, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            out.printf(
                    Locale.ROOT,
                    "  OverheadLatency %s per component since start (GET /stowage/metrics, period 3600 s): %s%n",
                    stat,
                    overheadValues(r.body()));
        }
    }

    /** One way to invoke the echo copy, for the overhead comparison. */
    private record Path(String name, Runnable call) {}

    private static void send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The OverheadLatency values per inference component in a {@code /stowage/metrics} answer. */
    private static String overheadValues(String json) {
        try {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            List<String> parts = new ArrayList<>();
            for (var metric : root.path("Metrics")) {
                var dims = metric.path("Dimensions");
                if (dims.has("InferenceComponentName") && dims.size() == 1) {
                    List<String> values = new ArrayList<>();
                    metric.path("Datapoints")
                            .forEach(p -> values.add(p.path("Value").asText()));
                    parts.add(dims.path("InferenceComponentName").asText() + " " + values + " "
                            + metric.path("Unit").asText(""));
                }
            }
            return parts.isEmpty() ? json : String.join(", ", parts);
        } catch (java.io.IOException e) {
            return json;
        }
    }

    /** Output lengths: a seeded log-normal with mean {@link #MEAN_TOKENS}, capped at {@link #MAX_TOKENS}. */
    record Workload(int[] tokens) {
        static Workload of(SplittableRandom random, int n) {
            double mu = Math.log(MEAN_TOKENS) - SIGMA * SIGMA / 2;
            java.util.Random gaussian = new java.util.Random(random.nextLong());
            int[] tokens = new int[n];
            for (int i = 0; i < n; i++) {
                tokens[i] = (int) Math.clamp(Math.round(Math.exp(mu + SIGMA * gaussian.nextGaussian())), 1, MAX_TOKENS);
            }
            return new Workload(tokens);
        }

        int tokens(int i) {
            return tokens[i % tokens.length];
        }

        double meanTokens() {
            return Arrays.stream(tokens).average().orElseThrow();
        }

        /** The mean length of the first {@code n} requests (what one point sends). */
        double meanTokens(int n) {
            return java.util.stream.IntStream.range(0, n)
                    .map(this::tokens)
                    .average()
                    .orElse(Double.NaN);
        }

        int tokenPercentile(double p) {
            int[] sorted = tokens.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
        }
    }

    /** Poisson arrival times (offsets from the start, ns) over {@code length}. */
    record Arrivals(long[] offsetsNanos) {
        static Arrivals poisson(SplittableRandom random, double perSecond, Duration length) {
            List<Long> offsets = new ArrayList<>();
            double t = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / perSecond;
                if (t * 1e9 >= length.toNanos()) {
                    break;
                }
                offsets.add((long) (t * 1e9));
            }
            return new Arrivals(offsets.stream().mapToLong(Long::longValue).toArray());
        }
    }
}
