package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.local.wiring.LocalFleetOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

/**
 * The host as it runs on EC2: {@code java -jar host/target/stowage-host.jar} in its own process, its identity from an
 * IMDSv2 stand-in (instance tags, private address), its credentials and region from the environment, talking to the
 * control plane only through {@code POST /host}. Local mode's own instances boot too late to interfere.
 */
class HostMainIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE =
            new LocalModeExtension(LocalFleetOptions.defaults().withBootDelay(Duration.ofHours(1)));

    private static final Path HOST_JAR = Path.of("../host/target/stowage-host.jar");
    private static final String ENDPOINT = "ec2-like";
    private static final String COMPONENT = "ec2-like-echo";
    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path home;

    private HttpServer imds;
    private Process host;

    @AfterEach
    void stop() {
        if (host != null && host.isAlive()) {
            host.destroyForcibly();
        }
        if (imds != null) {
            imds.stop(0);
        }
    }

    @Test
    void the_host_jar_registers_serves_a_copy_and_drains_on_sigterm() throws Exception {
        var sageMaker = STOWAGE.sageMaker();
        sageMaker.createEndpointConfig(b -> b.endpointConfigName(ENDPOINT)
                .executionRoleArn(ScenarioFleet.ROLE)
                .productionVariants(v -> v.variantName(ScenarioFleet.VARIANT)
                        .instanceType(ProductionVariantInstanceType.ML_G5_XLARGE)
                        .initialInstanceCount(1)));
        sageMaker.createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(ENDPOINT));
        String fleet = StreamIds.fleet(ENDPOINT, ScenarioFleet.VARIANT);
        String instanceId = Eventually.await(
                        WAIT, "an instance requested", () -> STOWAGE.instances().launched(fleet), s -> !s.isEmpty())
                .iterator()
                .next();

        startImds(Map.of(
                "stowage-endpoint",
                ENDPOINT,
                "stowage-variant",
                ScenarioFleet.VARIANT,
                "stowage-instance",
                instanceId));
        int port = freePort();
        int peerPort = freePort();
        host = startHost(port, peerPort);

        STOWAGE.waiter().waitUntilEndpointInService(b -> b.endpointName(ENDPOINT));
        ScenarioFleet.component(STOWAGE, ENDPOINT, COMPONENT, "stowage/echo", Map.of(), 1);

        // Through local mode's port, which signs as a peer with the ring the host read through DescribeHostKeys.
        try (SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            InvokeEndpointResponse response = runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                    .inferenceComponentName(COMPONENT)
                    .contentType("application/json")
                    .body(SdkBytes.fromUtf8String("{\"inputs\":\"from the host jar\"}")));
            assertThat(response.body().asUtf8String()).contains("from the host jar");
            assertThat(response.sdkHttpResponse().firstMatchingHeader("X-Stowage-Instance"))
                    .contains(instanceId);
        }
        // As on EC2, the host's runtime port takes only the front's token: a signed call from inside the VPC is denied.
        try (SageMakerRuntimeClient direct = STOWAGE.running().runtime(URI.create("http://127.0.0.1:" + port), false)) {
            SageMakerRuntimeException denied = catchThrowableOfType(
                    SageMakerRuntimeException.class,
                    () -> direct.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                            .inferenceComponentName(COMPONENT)
                            .contentType("application/json")
                            .body(SdkBytes.fromUtf8String("{}"))));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        }

        host.destroy(); // SIGTERM, as systemd stops the service
        assertThat(host.waitFor(60, TimeUnit.SECONDS)).as(output()).isTrue();
        assertThat(output())
                .contains("stopping: draining the copies of " + instanceId)
                .contains("stopped: the copies of " + instanceId + " are drained")
                .doesNotContain("PutMetricData");
    }

    private Process startHost(int port, int peerPort) throws IOException {
        assertThat(HOST_JAR).as("the host jar (./mvnw package builds it)").isRegularFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", HOST_JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("host.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("STOWAGE_API_URL", STOWAGE.running().baseUri().toString());
        env.put("AWS_REGION", RunningStowage.REGION);
        env.put("AWS_ACCESS_KEY_ID", RunningStowage.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", RunningStowage.SECRET_KEY);
        // CloudWatch is served by local mode too; CloudWatch Logs is not, and shipping copy logs only warns.
        env.put("AWS_ENDPOINT_URL", STOWAGE.running().baseUri().toString());
        env.put(
                "AWS_EC2_METADATA_SERVICE_ENDPOINT",
                "http://127.0.0.1:" + imds.getAddress().getPort());
        env.put("STOWAGE_RUNTIME_PORT", Integer.toString(port));
        env.put("STOWAGE_PEER_PORT", Integer.toString(peerPort));
        env.put("STOWAGE_HOST_DIR", home.resolve("host").toString());
        env.put("STOWAGE_SIMULATED_INSTANCE_TYPE", "ml.g5.xlarge");
        return builder.start();
    }

    /** IMDSv2 as the launch templates configure it: a session token, then instance tags and the private address. */
    private void startImds(Map<String, String> tags) throws IOException {
        imds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        imds.createContext("/latest/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String token = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token");
            if (path.equals("/latest/api/token") && exchange.getRequestMethod().equals("PUT")) {
                answer(exchange, 200, "token-1");
            } else if (!"token-1".equals(token)) {
                answer(exchange, 401, "");
            } else if (path.equals("/latest/meta-data/local-ipv4")) {
                answer(exchange, 200, "127.0.0.1");
            } else if (path.startsWith("/latest/meta-data/tags/instance/")) {
                String value = tags.get(path.substring("/latest/meta-data/tags/instance/".length()));
                answer(exchange, value == null ? 404 : 200, value == null ? "" : value);
            } else {
                answer(exchange, 404, "");
            }
        });
        imds.start();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private String output() throws IOException {
        Path log = home.resolve("host.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
