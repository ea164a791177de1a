package dev.stowage.host;

import static dev.stowage.host.HostFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.metrics.InMemoryMetrics;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code process:} copies: a child JVM running a single-file program that serves the container contract. */
class ProcessCopyTest {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private static final String MODEL =
            """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetAddress;
            import java.net.InetSocketAddress;

            class Model {
                public static void main(String[] args) throws Exception {
                    int port = Integer.parseInt(System.getenv("SAGEMAKER_BIND_TO_PORT"));
                    String devices = System.getenv("CUDA_VISIBLE_DEVICES");
                    String greeting = System.getenv("GREETING");
                    HttpServer server = HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                    server.createContext("/ping", e -> { e.sendResponseHeaders(200, -1); e.close(); });
                    server.createContext("/invocations", e -> {
                        byte[] in = e.getRequestBody().readAllBytes();
                        byte[] out = (greeting + " " + new String(in) + " on " + devices).getBytes();
                        e.sendResponseHeaders(200, out.length);
                        e.getResponseBody().write(out);
                        e.close();
                    });
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("got SIGTERM")));
                    server.start();
                    System.out.println("model serving on " + port);
                }
            }
            """;

    private static final String SILENT =
            """
            class Silent {
                public static void main(String[] args) throws Exception {
                    for (int i = 0; i < 80; i++) System.out.println("loading shard " + i);
                    Thread.sleep(60_000);
                }
            }
            """;

    @TempDir
    Path dir;

    private final FakeFleet fleet = new FakeFleet();
    private InferenceHost host;

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.kill();
        }
    }

    private String image(String source, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, source);
        return "process:'" + JAVA + "' -Xshare:auto -XX:TieredStopAtLevel=1 '" + file + "'";
    }

    @Test
    void a_process_copy_serves_on_its_port_with_its_devices_and_ends_on_sigterm() throws Exception {
        fleet.assign(scheduled(COPY_1, container(image(MODEL, "Model.java"), Map.of("GREETING", "hello")), 2, 3));
        host = new InferenceHost(
                config(dir).withStopGrace(Duration.ofSeconds(1000)), fleet, new InMemoryMetrics(), new NoRoutes());
        host.start();

        await("copy loaded", () -> fleet.wasLoaded(COPY_1));
        RoutableCopy copy = host.copies().get(COPY_1).orElseThrow();
        HttpResponse<String> response = post(copy.baseUrl(), "text/plain", "world");
        assertThat(response.body()).isEqualTo("hello world on 2,3");

        fleet.setState(COPY_1, Assignment.State.REMOVING);
        await("copy removed", () -> fleet.wasRemoved(COPY_1));
        String log = Files.readString(dir.resolve("logs").resolve(IC).resolve(COPY_1 + ".log"));
        assertThat(log).contains("model serving on").contains("sending SIGTERM").contains("got SIGTERM");
        assertThat(log).doesNotContain("SIGKILL");
    }

    @Test
    void a_process_that_never_serves_fails_with_the_tail_of_what_it_printed() throws Exception {
        var spec = container(image(SILENT, "Silent.java"), Map.of());
        spec.putObject("StartupParameters").put("ContainerStartupHealthCheckTimeoutInSeconds", 600);
        fleet.assign(scheduled(COPY_1, spec, 0));
        host = new InferenceHost(config(dir), fleet, new InMemoryMetrics(), new NoRoutes());
        host.start();

        await("copy failed", () -> fleet.failure(COPY_1) != null);
        FakeFleet.Failure failure = fleet.failure(COPY_1);
        assertThat(failure.reason()).contains("did not pass the health check (GET /ping) within 600 seconds");
        assertThat(failure.logTail()).contains("loading shard 79").doesNotContain("loading shard 10\n");
        assertThat(failure.logTail().lines().count()).isLessThanOrEqualTo(50);
    }
}
