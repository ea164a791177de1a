package dev.stowage.host;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.Document;
import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.host.time.TimeScale;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Constants and helpers shared by the host tests. */
final class HostFixtures {
    static final String ENDPOINT = "ep";
    static final String VARIANT = "AllTraffic";
    static final String HOST_A = "i-0host0a";
    static final String ADDRESS = "http://127.0.0.1:7001";
    static final String IC = "ic-chat";
    static final String COPY_1 = "copy-1";
    static final String COPY_2 = "copy-2";
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final Capacity CAPACITY = new Capacity(92_000, 360_000, 4);
    static final HostCapacity GPU_HOST = new HostCapacity(CAPACITY, DeviceVisibility.Runtime.CUDA, 0, "test");
    static final HostCapacity NEURON_HOST = new HostCapacity(CAPACITY, DeviceVisibility.Runtime.NEURON, 2, "test");
    /** Every wait runs 100 times faster: polls every 50 ms, heartbeats every 100 ms, pings every 10 ms. */
    static final TimeScale FAST = TimeScale.of(100);

    private HostFixtures() {}

    static HostConfig config(Path dir) {
        return HostConfig.defaults(ENDPOINT, VARIANT, HOST_A, ADDRESS, GPU_HOST, dir)
                .withTimeScale(FAST)
                .withClock(Clock.fixed(T0, ZoneOffset.UTC));
    }

    static ObjectNode container(String image, Map<String, String> environment) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        ObjectNode container = spec.putObject("Container");
        container.put("Image", image);
        ObjectNode env = container.putObject("Environment");
        environment.forEach(env::put);
        ObjectNode resources = spec.putObject("ComputeResourceRequirements");
        resources.put("NumberOfAcceleratorDevicesRequired", 1);
        return spec;
    }

    static Assignment scheduled(String copyId, ObjectNode spec, Integer... devices) {
        return new Assignment(
                copyId, IC, List.of(devices), 4_000, 16_384, Assignment.State.SCHEDULED, Document.of(spec));
    }

    static Assignment scheduled(String copyId, String image) {
        return scheduled(copyId, container(image, Map.of()), 0);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static HttpResponse<String> post(URI base, String contentType, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(base.resolve("/invocations"))
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    static int ping(URI base) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(base.resolve("/ping")).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
