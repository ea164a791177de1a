package dev.stowage.host.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.stowage.host.time.TimeScale;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * {@code stowage/llm-sim}: a language model server stand-in with continuous batching, so that its latency grows
 * with output length <em>and</em> with load, and where a request lands matters. {@code POST /invocations} with
 * {@code {"inputs": "...", "parameters": {"max_new_tokens": N}}} (or a top-level {@code max_new_tokens}) streams N
 * tokens as JSON lines as they are decoded; without N it draws one from {@link TokenCounts}, seeded by {@code
 * STOWAGE_SEED} or the copy. {@code /ping} answers 200 only after {@code STOWAGE_LOAD_MS} has passed since start.
 *
 * <p>Each copy decodes its requests in one {@link DecodeBatch}: a step emits a token to every active request and
 * takes {@code STOWAGE_TOKEN_MS × (1 + STOWAGE_BATCH_SLOWDOWN × (active − 1))}; beyond {@code STOWAGE_MAX_BATCH}
 * requests wait inside the copy and their first token comes later ({@link LlmSimSettings} lists every setting).
 * The defaults resemble a 7–8B model served by vLLM or TGI on one 24 GB accelerator (one A10G of an
 * ml.g5.12xlarge): 20 ms per token alone (≈ 50 tokens/s); a batch of at most 16, because that is about what the
 * KV cache left beside the weights holds (≈ 6 GB, ≈ 12,000 tokens at 0.5 MB per token, 16 sequences of ≈ 750
 * prompt + output tokens) whatever {@code max_num_seqs} allows; and a slowdown of 0.2 per further sequence, so 16
 * decode 4× slower each than one and the copy delivers 4× the tokens per second. A memory-bound server with short
 * contexts slows less (set a smaller slowdown, as the routing simulation's {@code ServingModel.llm()} does); the
 * default leans towards long contexts, where attention over every sequence's KV cache makes each step costlier,
 * which is also where routing shows.
 */
final class LlmSimRuntime implements ModelRuntime {
    static final String IMAGE = "stowage/llm-sim";
    static final String COPY_ID = LlmSimSettings.COPY_ID;

    private static final String[] WORDS = {
        " the", " model", " token", " stream", " of", " a", " copy", " and", " to", " in", " is", " that"
    };

    private final TimeScale timeScale;

    LlmSimRuntime(TimeScale timeScale) {
        this.timeScale = timeScale;
    }

    @Override
    public RunningModel start(Launch launch) throws IOException {
        LlmSimSettings settings = LlmSimSettings.from(launch.environment(), timeScale, IMAGE);
        CopyLog log = launch.log();
        TokenCounts counts = new TokenCounts(settings.seed());
        long readyAt = System.nanoTime() + settings.load().toNanos();
        log.line(IMAGE + " loading for " + settings.load() + ", " + settings);
        DecodeBatch batch = new DecodeBatch(settings.stepTime(), settings.maxBatch(), settings.prefillPerToken());
        try {
            ContractServer server = ContractServer.start(
                    launch.port(),
                    IMAGE,
                    () -> System.nanoTime() - readyAt >= 0,
                    exchange -> generate(exchange, counts, batch),
                    log);
            return new Batched(server, batch);
        } catch (IOException | RuntimeException e) {
            batch.close();
            throw e;
        }
    }

    /** The copy's server and its batch: stopping lets in-flight requests drain, then ends the batch. */
    record Batched(ContractServer server, DecodeBatch batch) implements RunningModel {
        @Override
        public URI baseUrl() {
            return server.baseUrl();
        }

        @Override
        public void stop(Duration grace) {
            server.stop(grace);
            batch.close();
        }
    }

    private static void generate(HttpExchange exchange, TokenCounts counts, DecodeBatch batch) throws IOException {
        try (exchange) {
            GenerationRequest request =
                    GenerationRequest.parse(exchange.getRequestBody().readAllBytes());
            int tokens = request.maxNewTokens().orElseGet(counts::next);
            SplittableRandom random = counts.split();
            exchange.getResponseHeaders().set("Content-Type", "application/jsonlines");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                if (tokens > 0) {
                    stream(batch.submit(tokens, request.promptTokens()), out, random);
                }
            }
        }
    }

    private static void stream(Sequence sequence, OutputStream out, SplittableRandom random) throws IOException {
        try {
            int id;
            while ((id = sequence.next()) != Sequence.END) {
                out.write(tokenLine(id, WORDS[random.nextInt(WORDS.length)]));
                out.flush();
            }
        } catch (InterruptedException e) {
            sequence.cancel();
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away: free its place in the batch
            sequence.cancel();
            throw e;
        }
    }

    private static byte[] tokenLine(int id, String text) {
        ObjectNode token = JsonNodeFactory.instance.objectNode();
        token.putObject("token").put("id", id).put("text", text);
        return (token + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
