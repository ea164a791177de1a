package dev.stowage.host.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.host.NoRoutes;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.trust.HostTrust;
import dev.stowage.host.trust.InvocationGate;
import dev.stowage.host.trust.KeySource;
import dev.stowage.host.trust.PeerSigner;
import dev.stowage.host.trust.TestKeys;
import dev.stowage.wire.hostapi.HostKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A host's two ports as a stranger inside the VPC meets them (issue 13): the runtime port refuses an invocation
 * without the front's token, the peer port refuses unsigned, forged, stale, replayed and foreign-key requests — each
 * with the runtime's AWS error shape — and both serve what the deployment's front and peers send.
 */
class HostPortsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] LOADS = "copy-9=7".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newHttpClient();
    private final HostServing host = new HostServing(
            new HostServing.Identity("ep", "AllTraffic", "i-1"),
            new CopyTable(),
            new NoRoutes(),
            new InMemoryMetrics(),
            Clock.systemUTC(),
            ServingSettings.defaults(),
            HostTrust.of(KeySource.fixed(TestKeys.KEYS), Optional.empty(), Clock.systemUTC()),
            new HostServing.Binds(loopback(), loopback()),
            "");

    @AfterEach
    void close() {
        host.close();
        http.close();
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    private HttpResponse<String> post(URI uri, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI invocations() {
        return URI.create(host.runtimeAddress() + "/endpoints/ep/invocations");
    }

    private URI loads() {
        return URI.create(host.address() + LoadGossip.PATH);
    }

    private static Map<String, String> signed(PeerSigner signer, URI uri, byte[] body) {
        return Map.of(PeerSigner.HEADER, signer.sign("POST", uri, body));
    }

    /** The runtime's error shape: the status, {@code X-Amzn-ErrorType} and {@code {"__type", "message"}}. */
    private static void assertRefused(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains(code);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    @Test
    void the_runtime_port_refuses_an_unauthenticated_invocation_and_serves_the_fronts() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> component = Map.of("X-Amzn-SageMaker-Inference-Component", "ic");

        assertRefused(post(invocations(), body, component), 403, "MissingAuthenticationTokenException");
        assertRefused(
                post(invocations(), body, Map.of(InvocationGate.FRONT_TOKEN_HEADER, "guessed")),
                403,
                "UnrecognizedClientException");
        assertRefused(
                post(
                        invocations(),
                        body,
                        Map.of(
                                "Authorization",
                                "AWS4-HMAC-SHA256 Credential=AKID/20261207/us-east-1/sagemaker/aws4_request")),
                403,
                "AccessDeniedException");
        assertRefused(
                post(invocations(), body, signed(TestKeys.signer(), invocations(), body)),
                403,
                "MissingAuthenticationTokenException");

        HttpResponse<String> fromFront =
                post(invocations(), body, Map.of(InvocationGate.FRONT_TOKEN_HEADER, TestKeys.FRONT_TOKEN));
        assertRefused(fromFront, 400, "ValidationError"); // let in: the router answers that the endpoint is unknown
        assertThat(fromFront.body()).contains("Endpoint ep of account 123456789012 not found.");
    }

    @Test
    void the_runtime_port_does_not_serve_the_peers_paths() throws Exception {
        assertRefused(
                post(
                        URI.create(host.runtimeAddress() + LoadGossip.PATH),
                        LOADS,
                        Map.of(InvocationGate.FRONT_TOKEN_HEADER, TestKeys.FRONT_TOKEN)),
                404,
                "UnknownOperationException");
    }

    @Test
    void gossip_is_taken_only_when_signed_with_a_key_of_the_deployment_fresh_and_once() throws Exception {
        PeerSigner stale =
                new PeerSigner(KeySource.fixed(TestKeys.KEYS), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
        PeerSigner foreign = new PeerSigner(
                KeySource.fixed(new HostKeys(List.of(TestKeys.OTHER_DEPLOYMENT), List.of())), Clock.systemUTC());
        Map<String, String> good = signed(TestKeys.signer(), loads(), LOADS);

        assertRefused(post(loads(), LOADS, Map.of()), 403, "MissingAuthenticationTokenException");
        assertRefused(
                post(loads(), "copy-9=99".getBytes(StandardCharsets.UTF_8), good), 403, "InvalidSignatureException");
        assertRefused(post(loads(), LOADS, signed(stale, loads(), LOADS)), 403, "InvalidSignatureException");
        assertRefused(post(loads(), LOADS, signed(foreign, loads(), LOADS)), 403, "UnrecognizedClientException");
        assertThat(host.invocations().board().estimate("copy-9"))
                .as("no made-up load taken")
                .isZero();

        assertThat(post(loads(), LOADS, good).statusCode()).isEqualTo(204);
        assertThat(host.invocations().board().estimate("copy-9")).isEqualTo(7);
        assertRefused(post(loads(), LOADS, good), 403, "InvalidSignatureException"); // the same request replayed
    }

    @Test
    void a_forwarded_invocation_must_be_signed_and_a_refusal_tells_the_peers_router_to_pick_again() throws Exception {
        URI copy = PeerForwarding.uri(host.address(), "copy-1", 16);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> unsigned = post(copy, body, Map.of());
        assertRefused(unsigned, 403, "MissingAuthenticationTokenException");
        assertThat(unsigned.headers().firstValue(PeerForwarding.REFUSED_HEADER)).contains("unauthenticated");

        HttpResponse<String> signed = post(copy, body, signed(TestKeys.signer(), copy, body));
        assertThat(signed.statusCode()).isEqualTo(503);
        assertThat(signed.headers().firstValue(PeerForwarding.REFUSED_HEADER)).contains("gone");
    }
}
