package dev.stowage.host.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.stowage.host.LoopbackServer;
import dev.stowage.host.serving.RoutingDirectory.PeerCopy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The host's routing directory against a loopback API that answers {@code DescribeRouting} for one endpoint. */
class ApiRoutingDirectoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI HOST_A = URI.create("http://10.0.0.1:8080");
    private static final String EP =
            """
            {"Account":"123456789012",
             "Endpoint":{"EndpointName":"ep","EndpointArn":"arn:ep","EndpointConfigName":"cfg",
               "EndpointStatus":"InService","ProductionVariants":[{"VariantName":"AllTraffic"}],
               "CreationTime":1767225600,"LastModifiedTime":1767225600,"LastVersion":3},
             "InferenceComponents":[{"InferenceComponentName":"ic","InferenceComponentArn":"arn:ic",
               "EndpointName":"ep","EndpointArn":"arn:ep","VariantName":"AllTraffic",
               "Specification":{"Container":{"Image":"stowage/echo"}},"InferenceComponentStatus":"InService",
               "DesiredCopyCount":1,"CurrentCopyCount":1,"CreationTime":1767225600,
               "LastModifiedTime":1767225600,"LastVersion":2}],
             "Variants":[{"VariantName":"AllTraffic","Hosts":["http://10.0.0.1:8080"],
               "Copies":[{"InferenceComponentName":"ic","CopyId":"ic-c1","InstanceId":"i-1",
                 "Host":"http://10.0.0.1:8080"}]}]}""";

    private final List<JsonNode> asked = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final LoopbackServer server = LoopbackServer.serving("/host", this::answer);

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode input = JSON.readTree(exchange.getRequestBody());
        asked.add(input);
        boolean known = input.path("EndpointName").asText().equals("ep")
                || input.path("InferenceComponentName").asText().equals("ic");
        String body = down.get()
                ? "{\"__type\":\"InternalFailure\"}"
                : known ? EP : "{\"Account\":\"123456789012\",\"InferenceComponents\":[],\"Variants\":[]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(down.get() ? 500 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private ApiRoutingDirectory directory(Duration fresh, Duration stale) {
        return new ApiRoutingDirectory(
                new SignedJsonClient(
                        server.uri("/host"),
                        "StowageHost",
                        "us-east-1",
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                        new Backoff(1, Duration.ZERO, Duration.ZERO)),
                fresh,
                stale);
    }

    @Test
    void one_call_answers_everything_a_router_asks_of_an_endpoint_while_fresh() {
        var directory = directory(Duration.ofMinutes(1), Duration.ofMinutes(1));

        assertThat(directory.endpoint("ep").orElseThrow().endpointConfigName()).isEqualTo("cfg");
        assertThat(directory.component("ic").orElseThrow().specification().text("Container", "Image"))
                .contains("stowage/echo");
        assertThat(directory.copies("ep", "AllTraffic", "ic")).containsExactly(new PeerCopy("ic-c1", "i-1", HOST_A));
        assertThat(directory.hosts("ep", "AllTraffic")).containsExactly(HOST_A);
        assertThat(directory.account()).isEqualTo("123456789012");

        assertThat(asked).hasSize(1);
    }

    @Test
    void a_component_not_seen_yet_is_read_by_its_name_and_brings_its_endpoint() {
        var directory = directory(Duration.ofMinutes(1), Duration.ofMinutes(1));

        assertThat(directory.component("ic")).isPresent();
        assertThat(directory.endpoint("ep")).isPresent();

        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst().path("InferenceComponentName").asText()).isEqualTo("ic");
    }

    @Test
    void an_endpoint_that_does_not_exist_is_asked_again_and_an_answer_is_read_again_once_old() throws Exception {
        var directory = directory(Duration.ofMillis(20), Duration.ofMinutes(1));

        assertThat(directory.endpoint("nope")).isEmpty();
        assertThat(directory.endpoint("nope")).isEmpty();
        directory.endpoint("ep");
        Thread.sleep(40);
        directory.endpoint("ep");

        assertThat(asked).hasSize(4);
    }

    @Test
    void when_the_api_fails_a_recent_answer_is_used_and_an_old_one_is_not() throws Exception {
        var tolerant = directory(Duration.ZERO, Duration.ofMinutes(1));
        var strict = directory(Duration.ZERO, Duration.ofMillis(1));
        tolerant.endpoint("ep");
        strict.endpoint("ep");
        down.set(true);
        Thread.sleep(5);

        assertThat(tolerant.copies("ep", "AllTraffic", "ic")).hasSize(1);
        assertThatThrownBy(() -> strict.copies("ep", "AllTraffic", "ic"))
                .isInstanceOfSatisfying(
                        ControlPlaneException.class, e -> assertThat(e.code()).isEqualTo("InternalFailure"));
    }
}
