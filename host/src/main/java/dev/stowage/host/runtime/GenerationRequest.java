package dev.stowage.host.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * What {@code stowage/llm-sim} reads from an invocation body, the request of Hugging Face's TGI container as SageMaker
 * sends it: {@code {"inputs": "...", "parameters": {"max_new_tokens": N, "return_full_text": false, "details":
 * false}, "stream": false}} (a top-level {@code max_new_tokens} is read too). The prompt's length in tokens is
 * estimated as one token per four characters of {@code inputs}, the usual rule of thumb for English text. A body
 * that is not a JSON object asks for nothing in particular.
 *
 * @param inputs the prompt, empty when there is none
 * @param maxNewTokens how many tokens to generate, when the request says
 * @param promptTokens the prompt's estimated length in tokens
 * @param stream whether to answer token by token as server-sent events ({@code "stream": true}), as TGI does
 * @param returnFullText whether the answer's text starts with the prompt ({@code parameters.return_full_text})
 * @param details whether the answer carries {@code details} ({@code parameters.details})
 */
record GenerationRequest(
        String inputs,
        OptionalInt maxNewTokens,
        int promptTokens,
        boolean stream,
        boolean returnFullText,
        boolean details) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHARACTERS_PER_TOKEN = 4;
    static final GenerationRequest ANYTHING = new GenerationRequest("", OptionalInt.empty(), 0, false, false, false);

    static GenerationRequest parse(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return ANYTHING;
        }
        if (request == null || !request.isObject()) {
            return ANYTHING;
        }
        JsonNode parameters = request.path("parameters");
        JsonNode n = parameters.path("max_new_tokens");
        if (!n.canConvertToInt()) {
            n = request.path("max_new_tokens");
        }
        OptionalInt tokens =
                n.isNumber() && n.canConvertToInt() ? OptionalInt.of(Math.max(0, n.asInt())) : OptionalInt.empty();
        JsonNode inputs = request.path("inputs");
        String prompt = inputs.isTextual() ? inputs.asText() : "";
        return new GenerationRequest(
                prompt,
                tokens,
                (prompt.length() + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN,
                request.path("stream").asBoolean(false),
                parameters.path("return_full_text").asBoolean(false),
                parameters.path("details").asBoolean(false));
    }
}
