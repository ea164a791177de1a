package dev.stowage.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.local.wiring.StowageApplication;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        List<InterleavedCalls.Path> paths = List.of(
                new InterleavedCalls.Path(
                        "direct to the copy (java.net.http, POST <copy>/invocations)",
                        () -> InterleavedCalls.send(http, direct)),
                new InterleavedCalls.Path(
                        "through the copy's host (SageMakerRuntimeClient, SigV4 checked by the host, its router)",
                        () -> viaHost.invokeEndpoint(b -> b.endpointName("dp-echo")
                                .inferenceComponentName("echo")
                                .contentType("application/json")
                                .body(SdkBytes.fromUtf8String(body)))),
                new InterleavedCalls.Path(
                        "through the local port (SageMakerRuntimeClient, SigV4, front -> host -> copy)",
                        () -> runtime.invokeEndpoint(b -> b.endpointName("dp-echo")
                                .inferenceComponentName("echo")
                                .contentType("application/json")
                                .body(SdkBytes.fromUtf8String(body)))));
        long[][] nanos = InterleavedCalls.measure(paths, settings.overheadWarmUp(), settings.overheadCalls());
        out.printf(
                Locale.ROOT,
                "Router overhead, stowage/echo, %d sequential calls each (after %d warm-up):%n",
                settings.overheadCalls(),
                settings.overheadWarmUp());
        InterleavedCalls.print(paths, nanos, out);
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
