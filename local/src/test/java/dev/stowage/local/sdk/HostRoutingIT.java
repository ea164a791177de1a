package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.domain.store.StreamIds;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.serving.ServingSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

/**
 * The runtime API as the hosts serve it: two instances with one llm-sim copy each, a copy taking at most two
 * requests, a queue of half a second and a model timeout of two seconds. Requests entering either host are served
 * by both hosts' copies; streams arrive token by token; slow models time out as on SageMaker; a full endpoint
 * queues, then throttles. A host's ports refuse whoever has neither local mode's credentials nor the deployment's
 * host key (issue 13).
 */
class HostRoutingIT {
    private static final ServingSettings SERVING = ServingSettings.defaults()
            .withConcurrencyLimit(2)
            .withQueueTimeout(Duration.ofMillis(500))
            .withInvocationTimeout(Duration.ofSeconds(2))
            .withStreamTimeout(Duration.ofSeconds(2));

    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(RunningStowage.FAST.withServing(SERVING));

    private static final String ENDPOINT = "hosts-ep";
    private static final String SIM = "sim-ic";
    private static final int TOKEN_MS = 20;
    private static SageMakerRuntimeAsyncClient streaming;
    private static List<InferenceHost> hosts;

    @BeforeAll
    static void deploy() {
        var sageMaker = STOWAGE.sageMaker();
        ScenarioFleet.twoInstanceEndpoint(STOWAGE, ENDPOINT);
        sageMaker.createInferenceComponent(b -> b.inferenceComponentName(SIM)
                .endpointName(ENDPOINT)
                .variantName("AllTraffic")
                .specification(s -> s.container(c -> c.image("stowage/llm-sim")
                                .environment(Map.of("STOWAGE_TOKEN_MS", Integer.toString(TOKEN_MS))))
                        .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(1f)
                                .numberOfAcceleratorDevicesRequired(1f)
                                .minMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(2)));
        ComponentWaits.awaitInService(sageMaker, Duration.ofSeconds(30), SIM, 2);
        hosts = STOWAGE.running().instances().hosts(StreamIds.fleet(ENDPOINT, "AllTraffic"));
        streaming = STOWAGE.running().runtimeAsync();
    }

    @AfterAll
    static void close() {
        streaming.close();
    }

    private static String tokens(int n) {
        return "{\"inputs\":\"hi\",\"parameters\":{\"max_new_tokens\":" + n + "}}";
    }

    /** A request for {@code n} tokens streamed as they are decoded: TGI streams only with {@code "stream": true}. */
    private static String streamedTokens(int n) {
        return "{\"inputs\":\"hi\",\"parameters\":{\"max_new_tokens\":" + n + "},\"stream\":true}";
    }

    private static InvokeEndpointResponse invoke(SageMakerRuntimeClient client, int tokens) {
        return client.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                .inferenceComponentName(SIM)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String(tokens(tokens))));
    }

    @Test
    void requests_entering_one_host_are_served_by_copies_on_both() {
        assertThat(hosts).hasSize(2);
        for (InferenceHost entry : hosts) {
            Set<String> servedBy = new HashSet<>();
            try (SageMakerRuntimeClient client = STOWAGE.running().runtime(entry.address(), false)) {
                Eventually.await(Duration.ofSeconds(10), "requests served by both hosts", () -> {
                    InvokeEndpointResponse response = invoke(client, 1);
                    assertThat(response.body().asUtf8String()).contains("\"generated_text\"");
                    servedBy.add(response.sdkHttpResponse()
                            .firstMatchingHeader("X-Stowage-Instance")
                            .orElseThrow());
                    assertThat(servedBy).hasSize(2);
                });
            }
            assertThat(servedBy).contains(entry.config().instanceId());
        }
    }

    @Test
    void a_hosts_ports_refuse_callers_without_the_deployments_credentials() throws Exception {
        InferenceHost entry = hosts.getFirst();
        String copyId = entry.copies().serving(SIM).getFirst().copyId();
        try (HttpClient http = HttpClient.newHttpClient();
                SageMakerRuntimeClient wrongSecret = STOWAGE.running()
                        .runtime(entry.address(), false, AwsBasicCredentials.create(RunningStowage.ACCESS_KEY, "x"))) {
            HttpResponse<String> unsigned = post(
                    http,
                    URI.create(entry.address() + "/endpoints/" + ENDPOINT + "/invocations"),
                    Map.of("X-Amzn-SageMaker-Inference-Component", SIM));
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.headers().firstValue("X-Amzn-ErrorType"))
                    .contains("MissingAuthenticationTokenException");
            assertThat(unsigned.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");

            SageMakerRuntimeException badSignature =
                    catchThrowableOfType(SageMakerRuntimeException.class, () -> invoke(wrongSecret, 1));
            assertThat(badSignature.statusCode()).isEqualTo(403);
            assertThat(badSignature.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");

            URI loads = URI.create(entry.peerAddress() + "/stowage/loads");
            HttpResponse<String> fakeLoads = post(http, loads, Map.of());
            assertThat(fakeLoads.statusCode()).isEqualTo(403);
            assertThat(fakeLoads.body()).contains("MissingAuthenticationTokenException");
            HttpResponse<String> forged = post(
                    http,
                    loads,
                    Map.of(
                            "X-Stowage-Peer-Signature",
                            "HMAC-SHA256 Key=hk-guess, Time=" + Instant.now().getEpochSecond() + ", Nonce=00, Mac=00"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("UnrecognizedClientException");
            HttpResponse<String> intoCopy = post(
                    http, URI.create(entry.peerAddress() + "/stowage/copies/" + copyId + "/invocations"), Map.of());
            assertThat(intoCopy.statusCode()).isEqualTo(403);
            assertThat(intoCopy.body()).doesNotContain("token");
        }
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("copy-9=100," + tokens(1)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_stream_arrives_token_by_token() throws Exception {
        long started = System.nanoTime();
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        stream(25, arrivals, new ArrayList<>()).get(30, TimeUnit.SECONDS);
        assertThat(arrivals).hasSizeGreaterThan(5);
        long first = Duration.ofNanos(arrivals.getFirst() - started).toMillis();
        long last = Duration.ofNanos(arrivals.getLast() - started).toMillis();
        assertThat(last - first).as("parts spread over the decode time").isGreaterThan(10L * TOKEN_MS);
    }

    @Test
    void a_model_slower_than_the_invocation_timeout_is_a_model_error() {
        try (SageMakerRuntimeClient client = STOWAGE.running().runtime(false)) {
            ModelErrorException slow =
                    catchThrowableOfType(ModelErrorException.class, () -> invoke(client, 200)); // 4 s of tokens
            assertThat(slow.originalStatusCode()).isZero();
            assertThat(slow.originalMessage()).startsWith("Your invocation timed out while waiting for a response");
        }
    }

    @Test
    void a_stream_slower_than_the_timeout_ends_with_a_model_stream_error() {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        stream(200, arrivals, errors).handle((ok, e) -> null).join();
        assertThat(arrivals).isNotEmpty();
        assertThat(errors).first().isInstanceOfSatisfying(ModelStreamErrorException.class, e -> assertThat(
                        e.errorCode())
                .isEqualTo("ModelInvocationTimeExceeded"));
    }

    @Test
    void a_full_endpoint_queues_requests_then_throttles_them() {
        try (SageMakerRuntimeClient client = STOWAGE.running().runtime(false)) {
            List<CompletableFuture<Void>> busy = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // 2 copies × 2 requests each: every slot taken for about 1.2 s
                busy.add(stream(60, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>()));
            }
            Eventually.await(Duration.ofSeconds(5), "every slot taken", () -> inFlight() == 4);
            long started = System.nanoTime();
            SdkServiceException throttled = catchThrowableOfType(SdkServiceException.class, () -> invoke(client, 1));
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            busy.forEach(CompletableFuture::join);

            for (int i = 0; i < 4; i++) { // every slot taken for about 0.3 s: shorter than the queue's wait
                busy.add(stream(15, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>()));
            }
            Eventually.await(Duration.ofSeconds(5), "every slot taken", () -> inFlight() == 4);
            assertThat(invoke(client, 1).body().asUtf8String()).contains("\"generated_text\"");
            busy.forEach(CompletableFuture::join);
        }
    }

    private static int inFlight() {
        return hosts.stream()
                .flatMap(h -> h.copies().all().stream())
                .mapToInt(c -> c.inFlight())
                .sum();
    }

    private static CompletableFuture<Void> stream(int tokens, List<Long> arrivals, List<Throwable> errors) {
        return streaming.invokeEndpointWithResponseStream(
                b -> b.endpointName(ENDPOINT)
                        .inferenceComponentName(SIM)
                        .contentType("application/json")
                        .body(SdkBytes.fromUtf8String(streamedTokens(tokens))),
                InvokeEndpointWithResponseStreamResponseHandler.builder()
                        .onError(errors::add)
                        .subscriber(InvokeEndpointWithResponseStreamResponseHandler.Visitor.builder()
                                .onPayloadPart(part -> arrivals.add(System.nanoTime()))
                                .build())
                        .build());
    }
}
