package dev.stowage.wire.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.wire.runtime.RuntimeWireServer.Answer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalStreamFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * The real {@code SageMakerRuntimeAsyncClient} ({@code InvokeEndpointWithResponseStream}, which exists only
 * there) against the wire layer: the streaming call's headers parse, {@link EventStreamEncoder} frames
 * written as a chunked body reach the handler's visitor in order, and error frames surface as typed
 * exceptions.
 */
class SageMakerRuntimeStreamingSdkTest {

    private static final String IC = SageMakerRuntimeSdkTest.IC;

    private static RuntimeWireServer server;
    private static SageMakerRuntimeAsyncClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new RuntimeWireServer();
        // A ModelStreamError frame makes the SDK retry the whole stream unless retries are off.
        client = clientBuilder()
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static SageMakerRuntimeAsyncClientBuilder clientBuilder() {
        return SageMakerRuntimeAsyncClient.builder()
                .endpointOverride(server.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.received().clear();
    }

    /** What the handler saw: the initial response, the parts in order, the error if any. */
    private static final class Collected {
        final AtomicReference<@Nullable InvokeEndpointWithResponseStreamResponse> response = new AtomicReference<>();
        final List<String> parts = new CopyOnWriteArrayList<>();
        final AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
        final AtomicReference<@Nullable Throwable> joined = new AtomicReference<>();

        InvokeEndpointWithResponseStreamResponseHandler handler() {
            return InvokeEndpointWithResponseStreamResponseHandler.builder()
                    .onResponse(response::set)
                    .onError(e -> error.set(unwrap(e)))
                    .subscriber(InvokeEndpointWithResponseStreamResponseHandler.Visitor.builder()
                            .onPayloadPart(part -> parts.add(part.bytes().asUtf8String()))
                            .build())
                    .build();
        }
    }

    private static Collected stream(SageMakerRuntimeAsyncClient client, InvokeEndpointWithResponseStreamRequest request)
            throws Exception {
        Collected collected = new Collected();
        try {
            client.invokeEndpointWithResponseStream(request, collected.handler())
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            collected.joined.set(e.getCause());
        }
        return collected;
    }

    private static InvokeEndpointWithResponseStreamRequest.Builder invoke() {
        return InvokeEndpointWithResponseStreamRequest.builder()
                .endpointName(SageMakerRuntimeSdkTest.ENDPOINT)
                .inferenceComponentName(IC)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String("{\"inputs\":\"Hello\",\"parameters\":{\"max_new_tokens\":3}}"));
    }

    private static Answer streamed(ResponseMetadata metadata, byte[]... frames) {
        return new Answer.Streamed(
                InvocationResponses.streamHeaders(metadata, RuntimeWireServer.REQUEST_ID), List.of(frames));
    }

    private static byte[] part(String text) {
        return EventStreamEncoder.payloadPart(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_streaming_calls_headers_parse_with_accept_from_X_Amzn_SageMaker_Accept() throws Exception {
        server.answer(request -> streamed(new ResponseMetadata("application/json", "AllTraffic", null), part("x")));

        stream(
                client,
                invoke().accept("application/jsonlines")
                        .customAttributes(SageMakerRuntimeSdkTest.CUSTOM_ATTRIBUTES)
                        .inferenceId(SageMakerRuntimeSdkTest.INFERENCE_ID)
                        .targetVariant("AllTraffic")
                        .targetContainerHostname("container-1")
                        .sessionId("session-1")
                        .build());

        InvocationRequest request = server.received().getFirst();
        assertThat(request.operation()).isEqualTo(RuntimeOperation.INVOKE_ENDPOINT_WITH_RESPONSE_STREAM);
        assertThat(request.streaming()).isTrue();
        assertThat(request.endpointName()).isEqualTo(SageMakerRuntimeSdkTest.ENDPOINT);
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("max_new_tokens");
        assertThat(request.inferenceComponentName()).isEqualTo(IC);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.accept()).isEqualTo("application/jsonlines");
        assertThat(request.customAttributes()).isEqualTo(SageMakerRuntimeSdkTest.CUSTOM_ATTRIBUTES);
        assertThat(request.inferenceId()).isEqualTo(SageMakerRuntimeSdkTest.INFERENCE_ID);
        assertThat(request.targetVariant()).isEqualTo("AllTraffic");
        assertThat(request.targetContainerHostname()).isEqualTo("container-1");
        assertThat(request.sessionId()).isEqualTo("session-1");
    }

    @Test
    void payload_parts_arrive_in_order_with_the_response_headers() throws Exception {
        server.answer(request -> streamed(
                new ResponseMetadata("application/jsonlines", "AllTraffic", "trace=" + request.inferenceId()),
                part("{\"token\":\"Hel\"}\n"),
                part("{\"token\":\"lo\"}\n"),
                part("{\"token\":\" wor\"}\n"),
                part("{\"token\":\"ld ✓\"}\n")));

        Collected collected = stream(
                client,
                invoke().inferenceId(SageMakerRuntimeSdkTest.INFERENCE_ID).build());

        assertThat(collected.joined.get()).isNull();
        assertThat(collected.error.get()).isNull();
        assertThat(collected.parts)
                .containsExactly(
                        "{\"token\":\"Hel\"}\n",
                        "{\"token\":\"lo\"}\n",
                        "{\"token\":\" wor\"}\n",
                        "{\"token\":\"ld ✓\"}\n");
        InvokeEndpointWithResponseStreamResponse response = collected.response.get();
        assertThat(response).isNotNull();
        assertThat(response.contentType()).isEqualTo("application/jsonlines");
        assertThat(response.invokedProductionVariant()).isEqualTo("AllTraffic");
        assertThat(response.customAttributes()).isEqualTo("trace=" + SageMakerRuntimeSdkTest.INFERENCE_ID);
        assertThat(response.responseMetadata().requestId()).isEqualTo(RuntimeWireServer.REQUEST_ID);
    }

    @Test
    void a_model_stream_error_mid_stream_reaches_the_handler_after_the_parts_before_it() throws Exception {
        server.answer(request -> streamed(
                new ResponseMetadata("application/json", "AllTraffic", null),
                part("one "),
                part("two "),
                EventStreamEncoder.modelStreamError(
                        EventStreamEncoder.MODEL_INVOCATION_TIME_EXCEEDED, "Model did not finish within 60 seconds.")));

        Collected collected = stream(client, invoke().build());

        assertThat(collected.parts).containsExactly("one ", "two ");
        assertThat(collected.error.get()).isInstanceOf(ModelStreamErrorException.class);
        var e = (ModelStreamErrorException) collected.error.get();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Model did not finish within 60 seconds.");
        assertThat(e.errorCode()).isEqualTo(EventStreamEncoder.MODEL_INVOCATION_TIME_EXCEEDED);
        assertThat(unwrap(collected.joined.get())).isInstanceOf(ModelStreamErrorException.class);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void an_internal_stream_failure_becomes_InternalStreamFailureException() throws Exception {
        server.answer(request -> streamed(
                new ResponseMetadata("application/json", "AllTraffic", null),
                part("one "),
                EventStreamEncoder.internalStreamFailure("The copy went away.")));

        Collected collected = stream(client, invoke().build());

        assertThat(collected.parts).containsExactly("one ");
        assertThat(collected.error.get()).isInstanceOf(InternalStreamFailureException.class);
        assertThat(((InternalStreamFailureException) collected.error.get())
                        .awsErrorDetails()
                        .errorMessage())
                .isEqualTo("The copy went away.");
    }

    @Test
    void with_default_retries_the_sdk_repeats_the_whole_stream_after_a_model_stream_error() throws Exception {
        server.answer(request -> streamed(
                new ResponseMetadata("application/json", "AllTraffic", null),
                part("once "),
                EventStreamEncoder.modelStreamError(EventStreamEncoder.STREAM_BROKEN, "The stream broke.")));

        try (SageMakerRuntimeAsyncClient retrying = clientBuilder().build()) {
            Collected collected = stream(retrying, invoke().build());

            assertThat(collected.error.get()).isInstanceOf(ModelStreamErrorException.class);
            // SDK 2.57.8 with default retries made 4 attempts; each replays the parts to the same visitor.
            assertThat(server.received()).hasSizeGreaterThan(1);
            assertThat(collected.parts).hasSize(server.received().size()).allMatch("once "::equals);
        }
    }

    @Test
    void errors_before_the_stream_starts_are_plain_rest_json_errors() throws Exception {
        server.answer(request -> Answer.error(RuntimeError.modelError(IC, 500, "CUDA out of memory", null)));

        Collected collected = stream(client, invoke().build());

        Throwable e = unwrap(collected.joined.get());
        assertThat(e).isInstanceOf(ModelErrorException.class);
        assertThat(((ModelErrorException) e).originalStatusCode()).isEqualTo(500);
        assertThat(((ModelErrorException) e).originalMessage()).isEqualTo("CUDA out of memory");
        assertThat(((ModelErrorException) e).logStreamArn()).isNull();
    }

    @Test
    void an_oversized_streaming_body_is_refused_as_a_validation_error() throws Exception {
        Collected collected = stream(
                client,
                invoke().body(SdkBytes.fromByteArray(new byte[SageMakerRuntimeSdkTest.SIX_MIB + 1]))
                        .build());

        Throwable e = unwrap(collected.joined.get());
        assertThat(e).isInstanceOf(ValidationErrorException.class);
        assertThat(((ValidationErrorException) e).awsErrorDetails().errorMessage())
                .startsWith("Request body of 6291457 bytes is larger than InvokeEndpointWithResponseStream accepts");
        assertThat(server.received()).isEmpty();
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
