package dev.stowage.host.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.stowage.host.time.TimeScale;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * {@code stowage/llm-sim}: a language model stand-in whose latency grows with output length. {@code POST
 * /invocations} with {@code {"inputs": "...", "parameters": {"max_new_tokens": N}}} (or a top-level {@code
 * max_new_tokens}) streams N tokens as JSON lines, one every {@code STOWAGE_TOKEN_MS} (default 20 ms, scaled);
 * without N it draws one from {@link TokenCounts}, seeded by {@code STOWAGE_SEED} or the copy. {@code /ping}
 * answers 200 only after {@code STOWAGE_LOAD_MS} (default 0, scaled) has passed since start.
 */
final class LlmSimRuntime implements ModelRuntime {
    static final String IMAGE = "stowage/llm-sim";
    static final String TOKEN_MS = "STOWAGE_TOKEN_MS";
    static final String LOAD_MS = "STOWAGE_LOAD_MS";
    static final String SEED = "STOWAGE_SEED";
    /** Set by the host to the copy id so that an unseeded copy is still deterministic. */
    static final String COPY_ID = "STOWAGE_COPY_ID";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {
        " the", " model", " token", " stream", " of", " a", " copy", " and", " to", " in", " is", " that"
    };

    private final TimeScale timeScale;

    LlmSimRuntime(TimeScale timeScale) {
        this.timeScale = timeScale;
    }

    @Override
    public RunningModel start(int port, Map<String, String> environment, @Nullable Path artifactDir, CopyLog log)
            throws IOException {
        Duration perToken = timeScale.millis(longEnv(environment, TOKEN_MS, 20));
        Duration load = timeScale.millis(longEnv(environment, LOAD_MS, 0));
        String seedText = environment.getOrDefault(SEED, environment.getOrDefault(COPY_ID, IMAGE));
        long seed = seedText.matches("-?\\d+") ? Long.parseLong(seedText) : seedText.hashCode();
        TokenCounts counts = new TokenCounts(seed);
        long readyAt = System.nanoTime() + load.toNanos();
        log.line(IMAGE + " loading for " + load + ", " + perToken + " per token, seed " + seed);
        return ContractServer.start(
                port,
                IMAGE,
                () -> System.nanoTime() - readyAt >= 0,
                exchange -> generate(exchange, counts, perToken),
                log);
    }

    private static void generate(HttpExchange exchange, TokenCounts counts, Duration perToken) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int tokens = requestedTokens(body).orElseGet(counts::next);
            SplittableRandom random = counts.split();
            exchange.getResponseHeaders().set("Content-Type", "application/jsonlines");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < tokens; i++) {
                    Thread.sleep(perToken);
                    out.write(tokenLine(i, WORDS[random.nextInt(WORDS.length)]));
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static OptionalInt requestedTokens(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        if (request == null || !request.isObject()) {
            return OptionalInt.empty();
        }
        JsonNode n = request.path("parameters").path("max_new_tokens");
        if (!n.canConvertToInt()) {
            n = request.path("max_new_tokens");
        }
        return n.isNumber() && n.canConvertToInt() ? OptionalInt.of(Math.max(0, n.asInt())) : OptionalInt.empty();
    }

    private static byte[] tokenLine(int id, String text) {
        ObjectNode token = JsonNodeFactory.instance.objectNode();
        token.putObject("token").put("id", id).put("text", text);
        return (token + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static long longEnv(Map<String, String> environment, String name, long fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
