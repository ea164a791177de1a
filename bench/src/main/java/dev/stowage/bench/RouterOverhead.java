package dev.stowage.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.local.wiring.StowageApplication;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * The data-plane benchmark's router-overhead scenario: a {@code stowage/echo} component (one copy) called
 * sequentially directly at its copy's base URL, through the runtime API of the copy's host (SigV4 and the router), and
 * through the local port with the SDK (signing, the front's router, then the host); then Stowage's own {@code
 * OverheadLatency} read back from {@code /stowage/metrics}.
 */
final class RouterOverhead {
    private RouterOverhead() {}

    /**
     * Calls the echo copy {@code settings.overheadCalls()} times on each path, interleaved, and prints each path's
     * p50 and p99 against calling the copy directly, then Stowage's own {@code OverheadLatency}.
     */
    static void measure(
            DataPlaneBenchmark.Settings settings,
            StowageApplication stowage,
            URI base,
            SageMakerRuntimeClient runtime,
            Function<URI, SageMakerRuntimeClient> clients,
            PrintStream out)
            throws Exception {
        List<InferenceHost> hosts = stowage.instances().hosts("fleet/dp-echo/" + DataPlaneBenchmark.VARIANT);
        InferenceHost host = hosts.stream()
                .filter(h -> !h.copies().serving("echo").isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no serving copy of echo"));
        RoutableCopy copy = host.copies().serving("echo").getFirst();
        // The host's runtime port checks the client's signature as local mode's port does (ADR 23).
        SageMakerRuntimeClient viaHost = clients.apply(host.address());
        String body = "{\"inputs\":\"hello, overhead\"}";
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest direct = HttpRequest.newBuilder(URI.create(copy.baseUrl() + "/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        List<Path> paths = List.of(
                new Path("direct to the copy (java.net.http, POST <copy>/invocations)", () -> send(http, direct)),
                new Path(
                        "through the copy's host (SageMakerRuntimeClient, SigV4 checked by the host, its router)",
                        () -> viaHost.invokeEndpoint(b -> b.endpointName("dp-echo")
                                .inferenceComponentName("echo")
                                .contentType("application/json")
                                .body(SdkBytes.fromUtf8String(body)))),
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
        viaHost.close();
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The OverheadLatency values per inference component in a {@code /stowage/metrics} answer. */
    private static String overheadValues(String json) {
        try {
            var root = new ObjectMapper().readTree(json);
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
        } catch (IOException e) {
            return json;
        }
    }
}
