package dev.stowage.host.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.routing.PrefixKey;
import dev.stowage.domain.routing.PromptBlocks;
import java.io.IOException;
import java.util.Optional;

/**
 * The prefix key the router reads from an invocation body when the variant routes by prefix (ADR 29), by the
 * convention {@code stowage/llm-sim} caches by: a JSON body's {@code "hash_ids"} (integers: the prompt's prefix block
 * ids, as in the Mooncake trace), else the blocks ({@link PromptBlocks}) of its prompt text — TGI's {@code "inputs"},
 * an OpenAI-style {@code "prompt"}, or the {@code "content"} of each of its {@code "messages"} one after the other.
 * A body that is not JSON, or carries none of these, has no key (the request is routed by least outstanding
 * requests).
 */
final class PromptPrefix {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptPrefix() {}

    static Optional<PrefixKey> key(byte[] body, int depth) {
        if (body.length == 0 || (body[0] != '{' && !Character.isWhitespace(body[0]))) {
            return Optional.empty();
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (request == null || !request.isObject()) {
            return Optional.empty();
        }
        return PrefixKey.of(blocks(request), depth);
    }

    private static long[] blocks(JsonNode request) {
        JsonNode ids = request.path("hash_ids");
        if (ids.isArray() && !ids.isEmpty()) {
            long[] blocks = new long[ids.size()];
            for (int i = 0; i < blocks.length; i++) {
                JsonNode id = ids.get(i);
                if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                    return new long[0];
                }
                blocks[i] = id.asLong();
            }
            return blocks;
        }
        return PromptBlocks.ofText(text(request));
    }

    private static String text(JsonNode request) {
        for (String member : new String[] {"inputs", "prompt"}) {
            if (request.path(member).isTextual()) {
                return request.get(member).asText();
            }
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                text.append(content.asText()).append('\n');
            }
        }
        return text.toString();
    }
}
