package dev.stowage.bench;

import dev.stowage.host.serving.ServingSettings;
import dev.stowage.local.LocalMode;
import dev.stowage.local.LocalModeOptions;
import dev.stowage.local.wiring.LocalFleetOptions;
import dev.stowage.local.wiring.StowageApplication;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    static List<RoutingUnderLoad.Point> run(Settings settings, PrintStream out) throws Exception {
        StowageApplication stowage = new StowageApplication(FAST);
        LocalModeOptions defaults = LocalModeOptions.defaults();
        LocalModeOptions options = new LocalModeOptions(
                0, null, defaults.region(), defaults.account(), defaults.accessKey(), defaults.secretKey());
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

            List<RoutingUnderLoad.Point> points = RoutingUnderLoad.measure(settings, runtime, out);
            out.println();
            RouterOverhead.measure(
                    settings, stowage, local.baseUri(), runtime, uri -> runtimeClient(uri, options), out);
            return points;
        }
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
                                .environment(Map.of(
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

    static void invokeLlm(SageMakerRuntimeClient runtime, String endpoint, String component, int tokens) {
        runtime.invokeEndpoint(b -> b.endpointName(endpoint)
                .inferenceComponentName(component)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String("{\"max_new_tokens\": " + tokens + "}")));
    }
}
