package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;
import software.amazon.awssdk.services.sagemaker.model.RoutingStrategy;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/** InvokeEndpoint and InvokeEndpointWithResponseStream with the real SDK clients against local mode. */
class InvokeEndpointIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final String ENDPOINT = "invoke-ep";
    private static final String ECHO = "echo-ic";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static SageMakerRuntimeClient runtime;
    private static SageMakerRuntimeAsyncClient streaming;

    @BeforeAll
    static void deploy() {
        runtime = STOWAGE.running().runtime(true);
        streaming = STOWAGE.running().runtimeAsync();
        var sageMaker = STOWAGE.sageMaker();
        sageMaker.createEndpointConfig(b -> b.endpointConfigName(ENDPOINT)
                .executionRoleArn("arn:aws:iam::123456789012:role/stowage")
                .productionVariants(v -> v.variantName("AllTraffic")
                        .instanceType(ProductionVariantInstanceType.ML_G5_12_XLARGE)
                        .initialInstanceCount(1)
                        .routingConfig(r -> r.routingStrategy(RoutingStrategy.LEAST_OUTSTANDING_REQUESTS))));
        sageMaker.createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(ENDPOINT));
        sageMaker.createInferenceComponent(b -> b.inferenceComponentName(ECHO)
                .endpointName(ENDPOINT)
                .variantName("AllTraffic")
                .specification(s -> s.container(c -> c.image("stowage/echo"))
                        .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(1f)
                                .numberOfAcceleratorDevicesRequired(1f)
                                .minMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(2)));
        ComponentWaits.awaitInService(sageMaker, WAIT, ECHO, 2);
    }

    @AfterAll
    static void close() {
        runtime.close();
        streaming.close();
    }

    private static InvokeEndpointResponse invoke(String body) {
        return runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                .inferenceComponentName(ECHO)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String(body)));
    }

    @Test
    void a_payload_round_trips_through_a_copy() {
        InvokeEndpointResponse response = invoke("{\"inputs\":\"hello\"}");
        assertThat(response.body().asUtf8String()).isEqualTo("{\"inputs\":\"hello\"}");
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.invokedProductionVariant()).isEqualTo("AllTraffic");
    }

    @Test
    void errors_map_to_the_sdks_typed_exceptions_with_the_services_text() {
        ValidationErrorException noHeader = catchThrowableOfType(
                ValidationErrorException.class,
                () -> runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT).body(SdkBytes.fromUtf8String("x"))));
        assertThat(noHeader.awsErrorDetails().errorMessage())
                .startsWith("Inference Component Name header is required for endpoints");
        ValidationErrorException unknown = catchThrowableOfType(
                ValidationErrorException.class,
                () -> runtime.invokeEndpoint(
                        b -> b.endpointName("nope").inferenceComponentName(ECHO).body(SdkBytes.fromUtf8String("x"))));
        assertThat(unknown.awsErrorDetails().errorMessage())
                .isEqualTo("Endpoint nope of account " + RunningStowage.ACCOUNT + " not found.");
        ValidationErrorException noComponent = catchThrowableOfType(
                ValidationErrorException.class,
                () -> runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                        .inferenceComponentName("missing")
                        .body(SdkBytes.fromUtf8String("x"))));
        assertThat(noComponent.awsErrorDetails().errorMessage())
                .isEqualTo("Inference component missing not found on endpoint " + ENDPOINT + ".");
    }

    @Test
    void the_streaming_call_answers_with_event_stream_payload_parts() throws Exception {
        List<String> parts = ResponseStreams.parts(streaming, ENDPOINT, ECHO, "{\"inputs\":\"stream me\"}");
        assertThat(String.join("", parts)).isEqualTo("{\"inputs\":\"stream me\"}");
    }

    @Test
    void scaling_in_while_requests_run_fails_no_request() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> served = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            served.add(clients.submit(() -> {
                int n = 0;
                while (running.get()) {
                    assertThat(invoke("{\"n\":" + n + "}").body().asString(StandardCharsets.UTF_8))
                            .isEqualTo("{\"n\":" + n + "}");
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(300);
        STOWAGE.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(ECHO)
                .desiredRuntimeConfig(r -> r.copyCount(1)));
        ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, ECHO, 1);
        Eventually.await(
                WAIT,
                "one copy of " + ECHO + " left on the hosts",
                () -> STOWAGE.instances().hosts("fleet/" + ENDPOINT + "/AllTraffic").stream()
                                .mapToLong(h -> h.copies().serving(ECHO).size())
                                .sum()
                        == 1);
        Thread.sleep(300);
        running.set(false);
        int total = 0;
        for (Future<Integer> f : served) {
            total += f.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(total).as("requests served, none failed").isPositive();
        STOWAGE.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(ECHO)
                .desiredRuntimeConfig(r -> r.copyCount(2)));
        ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, ECHO, 2);
    }

    @Test
    void a_request_may_wait_for_a_copy_of_a_component_at_zero() throws Exception {
        String later = "later-ic";
        deployAtZero(later, "stowage/echo", Map.of());
        ValidationErrorException atZero = catchThrowableOfType(
                ValidationErrorException.class,
                () -> runtime.invokeEndpoint(b ->
                        b.endpointName(ENDPOINT).inferenceComponentName(later).body(SdkBytes.fromUtf8String("now"))));
        assertThat(atZero.awsErrorDetails().errorMessage())
                .startsWith("Inference Component " + later + " has no capacity to process this request.");

        CompletableFuture<InvokeEndpointResponse> waiting =
                CompletableFuture.supplyAsync(() -> runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                        .inferenceComponentName(later)
                        .overrideConfiguration(o -> o.putHeader("X-Stowage-Wait-For-Capacity", "20"))
                        .body(SdkBytes.fromUtf8String("waited"))));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        STOWAGE.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(later)
                .desiredRuntimeConfig(r -> r.copyCount(1)));
        assertThat(waiting.get(30, TimeUnit.SECONDS).body().asUtf8String()).isEqualTo("waited");
        STOWAGE.sageMaker().deleteInferenceComponent(b -> b.inferenceComponentName(later));
    }

    /**
     * Bug found by the autoscaling benchmark: requests that waited for a component at zero all reach its first copy
     * at once, and those beyond the copy's limit and one queue's worth were throttled (429) at once or after the
     * queue's 2 s, though they had asked to wait. They now keep waiting within their own wait.
     */
    @Test
    void a_burst_waiting_at_zero_is_served_whole_by_the_first_copy() throws Exception {
        String burst = "burst-ic";
        deployAtZero(burst, "stowage/llm-sim", Map.of("STOWAGE_TOKEN_MS", "5"));

        int requests = 40; // 16 in flight on the copy, 16 in its queue, 8 more
        try (SageMakerRuntimeClient noRetries = STOWAGE.running().runtime(false);
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<String>> waiting = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                waiting.add(CompletableFuture.supplyAsync(
                        () -> noRetries
                                .invokeEndpoint(b -> b.endpointName(ENDPOINT)
                                        .inferenceComponentName(burst)
                                        .contentType("application/json")
                                        .overrideConfiguration(o -> o.putHeader("X-Stowage-Wait-For-Capacity", "30"))
                                        .body(SdkBytes.fromUtf8String("{\"max_new_tokens\": 50}")))
                                .contentType(),
                        clients));
            }
            Thread.sleep(300);
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            STOWAGE.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(burst)
                    .desiredRuntimeConfig(r -> r.copyCount(1)));
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(waiting).allSatisfy(w -> assertThat(w).isCompleted());
        }
        STOWAGE.sageMaker().deleteInferenceComponent(b -> b.inferenceComponentName(burst));
    }

    /** A component of one accelerator on the endpoint, created with one copy (the least the service allows), then scaled to zero. */
    private static void deployAtZero(String name, String image, Map<String, String> environment) {
        STOWAGE.sageMaker().createInferenceComponent(b -> b.inferenceComponentName(name)
                .endpointName(ENDPOINT)
                .variantName("AllTraffic")
                .specification(s -> s.container(c -> c.image(image).environment(environment))
                        .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(1f)
                                .numberOfAcceleratorDevicesRequired(1f)
                                .minMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(1)));
        ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, name, 1);
        STOWAGE.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(name)
                .desiredRuntimeConfig(r -> r.copyCount(0)));
        ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, name, 0);
    }
}
