package dev.stowage.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.host.ColdStart;
import dev.stowage.host.capacity.CapacityDetector;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.docker.RegistryAuth;
import dev.stowage.host.trust.InvocationGate;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 2: what the host's router adds to a call of a container copy. One copy of {@code exit-after-serving}
 * (answers {@code {"predictions":[n]}} at once; it never reaches its exit) called sequentially, interleaved: directly
 * at the copy's base URL (the port the engine publishes on loopback), and through the host's runtime API ({@code
 * POST /endpoints/<endpoint>/invocations} with {@code X-Amzn-SageMaker-Inference-Component}), which resolves the
 * component, picks the copy, forwards and records the invocation metrics. Baseline: direct. Then what the host
 * published for the measured calls: {@code OverheadLatency} (the router's own time) and {@code ModelLatency} (its call
 * of the copy).
 */
final class ContainerRouterOverhead {
    static final String COMPONENT = "quick";
    private static final String BODY = "{\"instances\":[[1.0,2.0]]}";

    private ContainerRouterOverhead() {}

    static void measure(ContainersBenchmark.Settings settings, BenchHosts hosts, String image, PrintStream out)
            throws Exception {
        ObjectNode spec = ContainerHost.specification(
                image, null, Map.of("EXIT_AFTER_INVOCATIONS", "2000000000"), 1, 256, 512, true);
        var directory =
                new OneEndpointDirectory(ContainerHost.ENDPOINT, ContainerHost.VARIANT, Map.of(COMPONENT, spec));
        try (ContainerHost host = hosts.start(
                        "overhead", CapacityDetector.simulated("ml.m5.4xlarge"), RegistryAuth.ANONYMOUS, directory);
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()) {
            host.assign("copy-1", COMPONENT, spec);
            ColdStart loaded = host.awaitLoaded("copy-1", Duration.ofMinutes(2));
            RoutableCopy copy = host.host().copies().serving(COMPONENT).getFirst();
            HttpRequest direct = post(URI.create(copy.baseUrl() + "/invocations"), Map.of());
            HttpRequest viaHost = post(
                    URI.create(host.host().address() + "/endpoints/" + ContainerHost.ENDPOINT + "/invocations"),
                    Map.of(
                            "X-Amzn-SageMaker-Inference-Component",
                            COMPONENT,
                            InvocationGate.FRONT_TOKEN_HEADER,
                            OneHostFleet.FRONT_TOKEN));
            List<InterleavedCalls.Path> paths = List.of(
                    new InterleavedCalls.Path(
                            "direct to the container (java.net.http, POST <copy>/invocations)",
                            () -> InterleavedCalls.send(http, direct)),
                    new InterleavedCalls.Path(
                            "through the host's runtime API (java.net.http, front token checked, the host's router)",
                            () -> InterleavedCalls.send(http, viaHost)));
            for (int i = 0; i < settings.overheadWarmUp(); i++) {
                paths.forEach(path -> path.call().run());
            }
            Instant measured = Instant.now();
            long[][] nanos = InterleavedCalls.measure(paths, 0, settings.overheadCalls());
            out.printf(
                    Locale.ROOT,
                    "Router overhead through a container copy of %s (loaded in %s), %d sequential calls each (after %d"
                            + " warm-up):%n",
                    image,
                    loaded,
                    settings.overheadCalls(),
                    settings.overheadWarmUp());
            InterleavedCalls.print(paths, nanos, out);
            Thread.sleep(500); // the last invocation's metrics are published after its answer
            for (String metric : List.of("OverheadLatency", "ModelLatency")) {
                long[] values = published(host, metric, measured);
                out.printf(
                        Locale.ROOT,
                        "  %s of the measured calls, as the host published it: %d values, p50 %.3f ms  p99 %.3f ms%n",
                        metric,
                        values.length,
                        Latencies.percentileMillis(values, 50),
                        Latencies.percentileMillis(values, 99));
            }
        }
    }

    /** The component's values of {@code metric} published since {@code since}, in nanoseconds, sorted. */
    private static long[] published(ContainerHost host, String metric, Instant since) {
        return host.metrics().all().stream()
                .filter(d -> d.name().equals(metric)
                        && d.dimensions().equals(Map.of("InferenceComponentName", COMPONENT))
                        && !d.timestamp().isBefore(since))
                .mapToDouble(MetricDatum::value)
                .mapToLong(micros -> Math.round(micros * 1000))
                .sorted()
                .toArray();
    }

    private static HttpRequest post(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        headers.forEach(request::header);
        return request.build();
    }
}
