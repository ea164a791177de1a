package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;

/**
 * The invocations of the announcement's walkthrough against {@code stowage/llm-sim} copies, read as its code reads
 * them: a TGI request, the answer parsed as {@code json.loads(body)[0]["generated_text"]}; the bare text with {@code
 * Accept: text/plain}; a {@code ModelError} for an {@code Accept} the model cannot answer in; and with {@code "stream":
 * true} TGI's server-sent events, token by token (issue 13).
 */
final class AnnouncementInvocations {
    static final String PROMPT = "What are the must-see sights in Lisbon?";
    static final int TOKENS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningStowage stowage;
    private final String endpoint;

    AnnouncementInvocations(RunningStowage stowage, String endpoint) {
        this.stowage = stowage;
        this.endpoint = endpoint;
    }

    static String request(boolean stream) {
        return "{\"inputs\": \"" + PROMPT + "\", \"parameters\": {\"max_new_tokens\": " + TOKENS + "}"
                + (stream ? ", \"stream\": true}" : "}");
    }

    /** {@code result[0]["generated_text"]} of an {@code Accept: application/json} invocation of {@code component}. */
    String generatedText(String component) throws IOException {
        try (SageMakerRuntimeClient runtime = stowage.runtime(false)) {
            InvokeEndpointResponse response = invoke(runtime, component, "application/json");
            assertThat(response.contentType()).isEqualTo("application/json");
            JsonNode result = JSON.readTree(response.body().asUtf8String());
            return result.get(0).get("generated_text").asText();
        }
    }

    /** The body of an {@code Accept: text/plain} invocation. */
    String plainText(String component) {
        try (SageMakerRuntimeClient runtime = stowage.runtime(false)) {
            return invoke(runtime, component, "text/plain").body().asUtf8String();
        }
    }

    /** The model error of an invocation with an {@code Accept} the model cannot answer in. */
    ModelErrorException refused(String component, String accept) {
        try (SageMakerRuntimeClient runtime = stowage.runtime(false)) {
            return catchThrowableOfType(ModelErrorException.class, () -> invoke(runtime, component, accept));
        }
    }

    /** The server-sent events of a streamed invocation with {@code "stream": true}, each as its JSON. */
    List<JsonNode> streamedEvents(String component) throws Exception {
        List<String> parts;
        try (SageMakerRuntimeAsyncClient streaming = stowage.runtimeAsync()) {
            parts = ResponseStreams.parts(streaming, endpoint, component, request(true));
        }
        assertThat(parts).as("token by token, not one buffered answer").hasSizeGreaterThan(1);
        List<JsonNode> events = new ArrayList<>();
        for (String event : String.join("", parts).split("\n\n")) {
            assertThat(event).startsWith("data:");
            events.add(JSON.readTree(event.substring("data:".length())));
        }
        return events;
    }

    private InvokeEndpointResponse invoke(SageMakerRuntimeClient runtime, String component, String accept) {
        return runtime.invokeEndpoint(b -> b.endpointName(endpoint)
                .inferenceComponentName(component)
                .contentType("application/json")
                .accept(accept)
                .body(SdkBytes.fromUtf8String(request(false))));
    }
}
