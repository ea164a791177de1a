package dev.stowage.host.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.routing.PromptBlocks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What {@code stowage/llm-sim} reads from an invocation body, the request of Hugging Face's TGI container as SageMaker
 * sends it: {@code {"inputs": "...", "parameters": {"max_new_tokens": N, "return_full_text": false, "details":
 * false}, "stream": false}} (a top-level {@code max_new_tokens} is read too). The prompt's length in tokens is
 * estimated as one token per four characters of {@code inputs}, the usual rule of thumb for English text. A body
 * that is not a JSON object asks for nothing in particular.
 *
 * <p>Two members are {@code stowage/llm-sim}'s own, so that a trace with prefix hashes (Mooncake's) can be replayed
 * without prompt texts: {@code "hash_ids": [int, …]}, the prompt's prefix block ids (chained, 512-token blocks, as
 * in the Mooncake trace), and {@code "input_length": N}, its length in tokens (which then wins over the estimate
 * from {@code inputs}). Without {@code hash_ids} the prefix blocks are those of {@code inputs}' text
 * ({@link PromptBlocks}: 2,048 characters a block, the same four characters a token), which is also what
 * Stowage's prefix-aware router keys on (ADR 29).
 *
 * @param inputs the prompt, empty when there is none
 * @param maxNewTokens how many tokens to generate, when the request says
 * @param promptTokens the prompt's estimated length in tokens
 * @param stream whether to answer token by token as server-sent events ({@code "stream": true}), as TGI does
 * @param returnFullText whether the answer's text starts with the prompt ({@code parameters.return_full_text})
 * @param details whether the answer carries {@code details} ({@code parameters.details})
 * @param hashIds the prefix block ids the request gave ({@code hash_ids}), empty when it gave none
 */
record GenerationRequest(
        String inputs,
        OptionalInt maxNewTokens,
        int promptTokens,
        boolean stream,
        boolean returnFullText,
        boolean details,
        List<Long> hashIds) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHARACTERS_PER_TOKEN = 4;
    static final GenerationRequest ANYTHING =
            new GenerationRequest("", OptionalInt.empty(), 0, false, false, false, List.of());

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
        JsonNode length = request.path("input_length");
        int promptTokens = length.isIntegralNumber() && length.canConvertToInt()
                ? Math.max(0, length.asInt())
                : (prompt.length() + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
        return new GenerationRequest(
                prompt,
                tokens,
                promptTokens,
                request.path("stream").asBoolean(false),
                parameters.path("return_full_text").asBoolean(false),
                parameters.path("details").asBoolean(false),
                hashIds(request.path("hash_ids")));
    }

    /** The prompt's prefix block ids: those the request gave, else those of its text. */
    long[] prefixBlocks() {
        if (hashIds.isEmpty()) {
            return PromptBlocks.ofText(inputs);
        }
        return hashIds.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<Long> hashIds(JsonNode ids) {
        if (!ids.isArray()) {
            return List.of();
        }
        List<Long> blocks = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                return List.of();
            }
            blocks.add(id.asLong());
        }
        return List.copyOf(blocks);
    }
}
