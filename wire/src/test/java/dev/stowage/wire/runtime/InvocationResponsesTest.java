package dev.stowage.wire.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The encoded answers themselves: which headers, error bodies. */
class InvocationResponsesTest {

    private static final ResponseMetadata JSON = new ResponseMetadata("application/json", "AllTraffic", "k=v");

    @Test
    void success_headers_are_the_models_output_bindings() {
        assertThat(InvocationResponses.successHeaders(JSON, "rid"))
                .containsExactly(
                        Map.entry("Content-Type", "application/json"),
                        Map.entry("x-Amzn-Invoked-Production-Variant", "AllTraffic"),
                        Map.entry("X-Amzn-SageMaker-Custom-Attributes", "k=v"),
                        Map.entry("x-amzn-RequestId", "rid"));
    }

    @Test
    void a_stateful_sessions_ids_go_in_the_models_session_headers_of_invoke_endpoint_only() {
        var opened =
                new ResponseMetadata("application/json", "AllTraffic", null, "s-1; Expires=2026-12-08T10:20:00Z", null);
        var closed = new ResponseMetadata("application/json", "AllTraffic", null, null, "s-1");

        assertThat(InvocationResponses.successHeaders(opened, "rid"))
                .containsEntry("X-Amzn-SageMaker-New-Session-Id", "s-1; Expires=2026-12-08T10:20:00Z")
                .doesNotContainKey("X-Amzn-SageMaker-Closed-Session-Id");
        assertThat(InvocationResponses.successHeaders(closed, "rid"))
                .containsEntry("X-Amzn-SageMaker-Closed-Session-Id", "s-1")
                .doesNotContainKey("X-Amzn-SageMaker-New-Session-Id");
        assertThat(InvocationResponses.streamHeaders(opened, "rid"))
                .doesNotContainKey("X-Amzn-SageMaker-New-Session-Id");
    }

    @Test
    void stream_headers_move_the_content_type_to_X_Amzn_SageMaker_Content_Type() {
        assertThat(InvocationResponses.streamHeaders(JSON, "rid"))
                .containsEntry("Content-Type", "application/vnd.amazon.eventstream")
                .containsEntry("X-Amzn-SageMaker-Content-Type", "application/json")
                .containsEntry("x-Amzn-Invoked-Production-Variant", "AllTraffic");
    }

    @Test
    void a_model_error_body_has_the_type_message_and_the_containers_answer() {
        RuntimeError error = RuntimeError.modelError("primary", 503, "busy", "arn:log");

        assertThat(error.status()).isEqualTo(424);
        assertThat(InvocationResponses.errorHeaders(error, "rid")).containsEntry("X-Amzn-ErrorType", "ModelError");
        assertThat(new String(InvocationResponses.errorBody(error), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"ModelError\",\"message\":\"Received server error (503) from primary with"
                        + " message \\\"busy\\\". See arn:log for more information.\",\"OriginalStatusCode\":503,"
                        + "\"OriginalMessage\":\"busy\",\"LogStreamArn\":\"arn:log\"}");
    }

    @Test
    void messages_are_cut_to_the_models_2048_characters() {
        assertThat(RuntimeError.validation("x".repeat(3000)).message()).hasSize(RuntimeError.MAX_MESSAGE);
    }
}
