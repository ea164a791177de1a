package dev.stowage.wire.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.wire.runtime.RuntimeWireServer.Answer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * The real {@code SageMakerRuntimeClient} (sync, {@code InvokeEndpoint}) against the wire layer behind a
 * loopback server: what the SDK sends parses into {@link InvocationRequest}, and what {@link
 * InvocationResponses} encodes reaches the SDK's response or typed exception.
 */
class SageMakerRuntimeSdkTest {

    static final String ENDPOINT = "llm-endpoint";
    static final String IC = "ic-llama-3";
    static final String CUSTOM_ATTRIBUTES = "c000b4f9-df62-4c85-a0bf-7c525f9104a4;trace=1";
    static final String INFERENCE_ID = "inference-0001";
    static final int SIX_MIB = 6 * 1024 * 1024;

    private static RuntimeWireServer server;
    private static SageMakerRuntimeClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new RuntimeWireServer();
        client = SageMakerRuntimeClient.builder()
                .endpointOverride(server.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(Apache5HttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
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

    private static InvokeEndpointRequest.Builder invoke() {
        return InvokeEndpointRequest.builder()
                .endpointName(ENDPOINT)
                .inferenceComponentName(IC)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String("{\"inputs\":\"Hello\"}"));
    }

    private static Answer error(RuntimeError error) {
        return Answer.error(error);
    }

    @Test
    void every_bound_header_and_the_body_arrive_as_the_parsed_request() {
        server.answer(request ->
                Answer.success(new ResponseMetadata("application/json", "AllTraffic", null), new byte[] {'1'}));

        client.invokeEndpoint(invoke().accept("application/jsonlines")
                .customAttributes(CUSTOM_ATTRIBUTES)
                .inferenceId(INFERENCE_ID)
                .targetModel("model-a.tar.gz")
                .targetVariant("AllTraffic")
                .targetContainerHostname("container-1")
                .enableExplanations("`true`")
                .sessionId("NEW_SESSION")
                .build());

        InvocationRequest request = server.received().getFirst();
        assertThat(request.operation()).isEqualTo(RuntimeOperation.INVOKE_ENDPOINT);
        assertThat(request.endpointName()).isEqualTo(ENDPOINT);
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"inputs\":\"Hello\"}");
        assertThat(request.inferenceComponentName()).isEqualTo(IC);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.accept()).isEqualTo("application/jsonlines");
        assertThat(request.customAttributes()).isEqualTo(CUSTOM_ATTRIBUTES);
        assertThat(request.inferenceId()).isEqualTo(INFERENCE_ID);
        assertThat(request.targetModel()).isEqualTo("model-a.tar.gz");
        assertThat(request.targetVariant()).isEqualTo("AllTraffic");
        assertThat(request.targetContainerHostname()).isEqualTo("container-1");
        assertThat(request.enableExplanations()).isEqualTo("`true`");
        assertThat(request.sessionId()).isEqualTo("NEW_SESSION");
    }

    @Test
    void the_response_body_content_type_variant_and_custom_attributes_reach_the_sdk() {
        server.answer(request -> Answer.success(
                new ResponseMetadata("application/json", "AllTraffic", "trace=" + request.inferenceId()),
                "{\"generated_text\":\"Hi ✓\"}".getBytes(StandardCharsets.UTF_8)));

        InvokeEndpointResponse response =
                client.invokeEndpoint(invoke().inferenceId(INFERENCE_ID).build());

        assertThat(response.body().asUtf8String()).isEqualTo("{\"generated_text\":\"Hi ✓\"}");
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.invokedProductionVariant()).isEqualTo("AllTraffic");
        assertThat(response.customAttributes()).isEqualTo("trace=" + INFERENCE_ID);
        assertThat(response.responseMetadata().requestId()).isEqualTo(RuntimeWireServer.REQUEST_ID);
    }

    @Test
    void binary_bodies_round_trip_through_base64_both_ways() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        server.answer(request ->
                Answer.success(new ResponseMetadata("application/x-npy", "AllTraffic", null), request.body()));

        InvokeEndpointResponse response = client.invokeEndpoint(invoke().contentType("application/x-npy")
                .body(SdkBytes.fromByteArray(bytes))
                .build());

        assertThat(server.received().getFirst().body()).isEqualTo(bytes);
        assertThat(response.body().asByteArray()).isEqualTo(bytes);
        assertThat(response.contentType()).isEqualTo("application/x-npy");
    }

    @Test
    void validation_error_becomes_ValidationErrorException_with_the_message() {
        server.answer(request -> error(RuntimeError.endpointNotFound(request.endpointName(), "123456789012")));

        var e = catchThrowableOfType(ValidationErrorException.class, () -> client.invokeEndpoint(invoke().build()));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Endpoint llm-endpoint of account 123456789012 not found.");
        assertThat(e.requestId()).isEqualTo(RuntimeWireServer.REQUEST_ID);
    }

    @Test
    void model_error_carries_the_original_status_message_and_log_stream() {
        String logStream = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/InferenceComponents/" + IC
                + ":log-stream:copy-1";
        server.answer(request -> error(RuntimeError.modelError(IC, 400, "{\"error\":\"bad input\"}", logStream)));

        var e = catchThrowableOfType(ModelErrorException.class, () -> client.invokeEndpoint(invoke().build()));

        assertThat(e.statusCode()).isEqualTo(424);
        assertThat(e.originalStatusCode()).isEqualTo(400);
        assertThat(e.originalMessage()).isEqualTo("{\"error\":\"bad input\"}");
        assertThat(e.logStreamArn()).isEqualTo(logStream);
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Received client error (400) from " + IC
                        + " with message \"{\"error\":\"bad input\"}\". See " + logStream + " for more information.");
    }

    @Test
    void service_unavailable_internal_failure_and_model_not_ready_become_their_exceptions() {
        server.answer(request -> error(RuntimeError.serviceUnavailable("Endpoint is scaling; try again.")));
        var unavailable =
                catchThrowableOfType(ServiceUnavailableException.class, () -> client.invokeEndpoint(invoke().build()));
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.awsErrorDetails().errorMessage()).isEqualTo("Endpoint is scaling; try again.");

        server.answer(request -> error(RuntimeError.internalFailure("The request processing has failed.")));
        var failure =
                catchThrowableOfType(InternalFailureException.class, () -> client.invokeEndpoint(invoke().build()));
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.awsErrorDetails().errorMessage()).isEqualTo("The request processing has failed.");

        server.answer(request -> error(RuntimeError.modelNotReady("Model is still loading.")));
        var notReady =
                catchThrowableOfType(ModelNotReadyException.class, () -> client.invokeEndpoint(invoke().build()));
        assertThat(notReady.statusCode()).isEqualTo(429);
        assertThat(notReady.awsErrorDetails().errorMessage()).isEqualTo("Model is still loading.");
    }

    @Test
    void throttling_is_a_429_the_sdk_treats_as_throttling_with_a_readable_message() {
        server.answer(request -> error(RuntimeError.throttled(
                "Every copy of inference component " + IC + " is at its concurrency limit and its queue is full.")));

        var e = catchThrowableOfType(SageMakerRuntimeException.class, () -> client.invokeEndpoint(invoke().build()));

        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.isThrottlingException()).isTrue();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("is at its concurrency limit");
    }

    @Test
    void invalid_members_are_refused_by_the_parser_with_the_models_constraints() {
        server.answer(request -> error(RuntimeError.internalFailure("must not be reached")));

        var e = catchThrowableOfType(
                ValidationErrorException.class,
                () -> client.invokeEndpoint(
                        invoke().inferenceComponentName("ic_llama").build()));

        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: Value 'ic_llama' at 'inferenceComponentName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern:"
                        + " ^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?$");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_body_of_6_MiB_is_accepted_and_one_byte_more_is_refused() {
        server.answer(request -> Answer.success(
                new ResponseMetadata("text/plain", "AllTraffic", null),
                String.valueOf(request.body().length).getBytes(StandardCharsets.UTF_8)));

        InvokeEndpointResponse accepted = client.invokeEndpoint(invoke().contentType("application/octet-stream")
                .body(SdkBytes.fromByteArray(new byte[SIX_MIB]))
                .build());
        assertThat(accepted.body().asUtf8String()).isEqualTo(String.valueOf(SIX_MIB));

        var e = catchThrowableOfType(
                ValidationErrorException.class,
                () -> client.invokeEndpoint(invoke().contentType("application/octet-stream")
                        .body(SdkBytes.fromByteArray(new byte[SIX_MIB + 1]))
                        .build()));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Request body of 6291457 bytes is larger than InvokeEndpoint accepts: at most 6291456 bytes"
                        + " (6 MiB).");
        assertThat(server.received()).hasSize(1);
    }
}
