package dev.stowage.host.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The bodies {@code stowage/llm-sim} answers with, in the shapes of Hugging Face's TGI container on SageMaker: a
 * whole answer {@code [{"generated_text": "..."}]}; a streamed one as server-sent events {@code
 * data:{"index":1,"token":{"id":0,"text":" the","logprob":0.0,"special":false},"generated_text":null,"details":null}}
 * each followed by a blank line, the last one carrying the whole text; and errors {@code {"error": "...",
 * "error_type": "..."}}. With {@code "details": true} the answer says how the generation ended.
 */
final class TgiAnswers {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TgiAnswers() {}

    /**
     * How a generation ended, as TGI's details say it.
     *
     * @param reason {@code length} when it stopped at {@code max_new_tokens}, {@code eos_token} when the model ended it
     * @param generatedTokens how many tokens it generated
     */
    record Finish(String reason, int generatedTokens) {
        static Finish of(GenerationRequest request, int generatedTokens) {
            return new Finish(request.maxNewTokens().isPresent() ? "length" : "eos_token", generatedTokens);
        }
    }

    /** {@code [{"generated_text": text}]}, with {@code details} when the request asked. */
    static byte[] whole(GenerationRequest request, String text, Finish finish) {
        return whole(request, text, finish, null);
    }

    /** As {@link #whole(GenerationRequest, String, Finish)}, naming the adapter applied ({@code "adapter"}), if any. */
    static byte[] whole(GenerationRequest request, String text, Finish finish, @Nullable String adapter) {
        ObjectNode generation = NODES.objectNode().put("generated_text", text);
        if (adapter != null) {
            generation.put("adapter", adapter);
        }
        if (request.details()) {
            generation.set("details", details(finish));
        }
        return bytes(NODES.arrayNode().add(generation).toString());
    }

    /**
     * The server-sent event of token number {@code index} (from 1); the last one, with its {@code finish}, carries the
     * generated {@code text} (and the details when the request asked).
     */
    static byte[] event(
            GenerationRequest request, int index, int id, String token, @Nullable Finish finish, String text) {
        return event(request, index, id, token, finish, text, null);
    }

    /** As the other {@code event}, the last one naming the adapter applied ({@code "adapter"}), if any. */
    static byte[] event(
            GenerationRequest request,
            int index,
            int id,
            String token,
            @Nullable Finish finish,
            String text,
            @Nullable String adapter) {
        ObjectNode event = NODES.objectNode().put("index", index);
        event.set("token", token(id, token).put("logprob", 0.0).put("special", false));
        if (finish == null) {
            event.putNull("generated_text");
        } else {
            event.put("generated_text", text);
        }
        if (finish != null && request.details()) {
            event.set("details", details(finish));
        } else {
            event.putNull("details");
        }
        if (finish != null && adapter != null) {
            event.put("adapter", adapter);
        }
        return bytes("data:" + event + "\n\n");
    }

    /** One line {@code {"token": {"id": id, "text": token}}}, as LMI streams. */
    static byte[] line(int id, String token) {
        return bytes(NODES.objectNode().set("token", token(id, token)) + "\n");
    }

    /** {@code {"error": message, "error_type": type}}. */
    static byte[] error(String message, String type) {
        return bytes(
                NODES.objectNode().put("error", message).put("error_type", type).toString());
    }

    private static ObjectNode details(Finish finish) {
        return NODES.objectNode()
                .put("finish_reason", finish.reason())
                .put("generated_tokens", finish.generatedTokens());
    }

    private static ObjectNode token(int id, String text) {
        return NODES.objectNode().put("id", id).put("text", text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
