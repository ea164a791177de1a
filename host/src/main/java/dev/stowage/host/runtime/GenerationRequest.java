package dev.stowage.host.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * What {@code stowage/llm-sim} reads from an invocation body: {@code {"inputs": "...", "parameters":
 * {"max_new_tokens": N}}} (or a top-level {@code max_new_tokens}). The prompt's length in tokens is estimated as
 * one token per four characters of {@code inputs}, the usual rule of thumb for English text. A body that is not a
 * JSON object asks for nothing in particular.
 */
record GenerationRequest(OptionalInt maxNewTokens, int promptTokens) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHARACTERS_PER_TOKEN = 4;

    static GenerationRequest parse(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return new GenerationRequest(OptionalInt.empty(), 0);
        }
        if (request == null || !request.isObject()) {
            return new GenerationRequest(OptionalInt.empty(), 0);
        }
        JsonNode n = request.path("parameters").path("max_new_tokens");
        if (!n.canConvertToInt()) {
            n = request.path("max_new_tokens");
        }
        OptionalInt tokens =
                n.isNumber() && n.canConvertToInt() ? OptionalInt.of(Math.max(0, n.asInt())) : OptionalInt.empty();
        JsonNode inputs = request.path("inputs");
        int characters = inputs.isTextual() ? inputs.asText().length() : 0;
        return new GenerationRequest(tokens, (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN);
    }
}
