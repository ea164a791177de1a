package dev.stowage.host.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import dev.stowage.host.LoopbackServer;
import dev.stowage.wire.protocol.AwsJsonProtocol;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.WireException;
import dev.stowage.wire.sigv4.SigV4Verifier;
import dev.stowage.wire.sigv4.SignedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The host's client against a loopback server that checks signatures with local mode's verifier. */
class SignedJsonClientTest {
    private static final Backoff QUICK = new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private final SigV4Verifier verifier = SigV4Verifier.local(Clock.systemUTC());
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final List<String> targets = new ArrayList<>();
    private final LoopbackServer server = LoopbackServer.serving("/prod/host", this::answer);

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Headers headers = Headers.of(exchange.getRequestHeaders());
        targets.add(headers.first("X-Amz-Target").orElse(""));
        int status;
        String reply;
        try {
            verifier.verify(
                    new SignedRequest("POST", exchange.getRequestURI().getRawPath(), "", headers, body),
                    SignedJsonClient.SIGNING_NAME);
            Integer next = statuses.poll();
            status = next == null ? 200 : next;
            reply = status == 200
                    ? "{\"Echo\":" + new String(body, StandardCharsets.UTF_8) + "}"
                    : "{\"__type\":\"com.amazon#Refused\",\"message\":\"status " + status + "\"}";
        } catch (WireException refused) {
            status = refused.error().status();
            reply = new String(AwsJsonProtocol.encodeError(refused.error()), StandardCharsets.UTF_8);
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private SignedJsonClient client(String accessKey, String secret) {
        return new SignedJsonClient(
                server.uri("/prod/host"),
                "StowageHost",
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)),
                QUICK);
    }

    @Test
    void its_execute_api_signature_is_accepted() {
        var answer = client("test", "test")
                .call("SendHeartbeat", JsonNodeFactory.instance.objectNode().put("InstanceId", "i-1"));

        assertThat(answer.at("/Echo/InstanceId").asText()).isEqualTo("i-1");
        assertThat(targets).containsExactly("StowageHost.SendHeartbeat");
    }

    @Test
    void a_wrong_secret_is_refused_and_not_retried() {
        assertThatThrownBy(() -> client("test", "wrong").call("SendHeartbeat", JsonNodeFactory.instance.objectNode()))
                .isInstanceOfSatisfying(ControlPlaneException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidSignatureException");
                    assertThat(e.status()).isEqualTo(403);
                });
        assertThat(targets).hasSize(1);
    }

    @Test
    void throttling_and_server_errors_are_retried_until_an_answer() {
        statuses.add(429);
        statuses.add(503);

        var answer = client("test", "test").call("SendHeartbeat", JsonNodeFactory.instance.objectNode());

        assertThat(answer.has("Echo")).isTrue();
        assertThat(targets).hasSize(3);
    }

    @Test
    void retries_end_after_the_last_attempt() {
        statuses.add(500);
        statuses.add(500);
        statuses.add(500);

        assertThatThrownBy(() -> client("test", "test").call("SendHeartbeat", JsonNodeFactory.instance.objectNode()))
                .isInstanceOfSatisfying(ControlPlaneException.class, e -> {
                    assertThat(e.code()).isEqualTo("Refused");
                    assertThat(e.status()).isEqualTo(500);
                });
        assertThat(targets).hasSize(3);
    }

    @Test
    void no_answer_is_retried_then_thrown() {
        server.close();

        assertThatThrownBy(() -> client("test", "test").call("SendHeartbeat", JsonNodeFactory.instance.objectNode()))
                .isInstanceOfSatisfying(
                        ControlPlaneException.class, e -> assertThat(e.code()).isEqualTo("IOException"));
    }
}
