package dev.stowage.wire.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.wire.protocol.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and validation of runtime requests, without a network. */
class InvocationRequestTest {

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private static InvocationRequest parse(String path, Map<String, String> headers) {
        return InvocationRequest.parse("POST", path, Headers.ofSingle(headers), BODY);
    }

    private static RuntimeError refused(String method, String path, Map<String, String> headers) {
        return catchThrowableOfType(
                        RuntimeErrorException.class,
                        () -> InvocationRequest.parse(method, path, Headers.ofSingle(headers), BODY))
                .error();
    }

    @Test
    void header_names_are_compared_case_insensitively() {
        InvocationRequest request = parse(
                "/endpoints/ep/invocations",
                Map.of(
                        "x-amzn-sagemaker-inference-component",
                        "ic-1",
                        "CONTENT-TYPE",
                        "text/csv",
                        "accept",
                        "text/csv"));

        assertThat(request.inferenceComponentName()).isEqualTo("ic-1");
        assertThat(request.contentType()).isEqualTo("text/csv");
        assertThat(request.accept()).isEqualTo("text/csv");
    }

    @Test
    void the_streaming_call_reads_accept_from_its_own_header_and_ignores_members_it_does_not_bind() {
        InvocationRequest request = parse(
                "/endpoints/ep/invocations-response-stream",
                Map.of(
                        "Accept", "*/*",
                        "X-Amzn-SageMaker-Accept", "application/jsonlines",
                        "X-Amzn-SageMaker-Target-Model", "model.tar.gz",
                        "X-Amzn-SageMaker-Enable-Explanations", "`true`"));

        assertThat(request.streaming()).isTrue();
        assertThat(request.accept()).isEqualTo("application/jsonlines");
        assertThat(request.targetModel()).isNull();
        assertThat(request.enableExplanations()).isNull();
    }

    @Test
    void the_endpoint_name_is_percent_decoded_and_a_path_prefix_is_ignored() {
        assertThat(parse("/prod/endpoints/my-ep/invocations", Map.of()).endpointName())
                .isEqualTo("my-ep");
        assertThat(parse("/endpoints/my%2Dep/invocations", Map.of()).endpointName())
                .isEqualTo("my-ep");

        RuntimeError error = refused("POST", "/endpoints/my%20ep/invocations", Map.of());
        assertThat(error.message())
                .isEqualTo("1 validation error detected: Value 'my ep' at 'endpointName' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*");
    }

    @Test
    void every_violated_member_is_reported_as_a_400_ValidationError() {
        RuntimeError error = refused(
                "POST",
                "/endpoints/" + "e".repeat(64) + "/invocations",
                Map.of("X-Amzn-SageMaker-Inference-Id", " leading-space", "X-Amzn-SageMaker-Session-Id", "a_b"));

        assertThat(error.code()).isEqualTo("ValidationError");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.message())
                .isEqualTo("3 validation errors detected:"
                        + " Value '" + "e".repeat(64) + "' at 'endpointName' failed to satisfy constraint: Member must"
                        + " have length less than or equal to 63;"
                        + " Value ' leading-space' at 'inferenceId' failed to satisfy constraint: Member must satisfy"
                        + " regular expression pattern: \\A\\S[\\p{Print}]*\\z;"
                        + " Value 'a_b' at 'sessionId' failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: ^(NEW_SESSION)$|^[a-zA-Z0-9](-*[a-zA-Z0-9])*$");
    }

    @Test
    void other_paths_and_methods_are_unknown_operations() {
        assertThat(refused("POST", "/endpoints/ep/ping", Map.of()).code()).isEqualTo("UnknownOperationException");
        assertThat(refused("GET", "/endpoints/ep/invocations", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void the_body_limit_comes_from_the_model_and_is_6_MiB() {
        assertThat(RuntimeModel.get().maxBodyBytes()).isEqualTo(6L * 1024 * 1024);
    }
}
