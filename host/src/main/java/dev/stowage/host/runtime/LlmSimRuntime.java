package dev.stowage.host.runtime;

import dev.stowage.host.time.TimeScale;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * {@code stowage/llm-sim}: a language model server stand-in with continuous batching, so that its latency grows
 * with output length <em>and</em> with load, and where a request lands matters. {@code POST /invocations} takes and
 * answers what Hugging Face's TGI container takes and answers on SageMaker ({@link LlmSimInvocations}): {@code
 * {"inputs": "...", "parameters": {"max_new_tokens": N}}} generates N tokens and answers {@code [{"generated_text":
 * "..."}]}, or with {@code "stream": true} streams them as they are decoded; without N it draws one from {@link
 * TokenCounts}, seeded by {@code STOWAGE_SEED} or the copy. {@code /ping} answers 200 only after {@code
 * STOWAGE_LOAD_MS} has passed since start.
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
 *
 * <p>Each copy keeps a prefix cache ({@link PrefixCache}, {@code STOWAGE_PREFIX_CACHE_BLOCKS} blocks of {@code
 * STOWAGE_PREFIX_BLOCK_TOKENS} tokens, LRU): a prompt's leading blocks found there are not prefilled again, so with
 * a prefill time set ({@code STOWAGE_PREFILL_US_PER_TOKEN}) where a request lands changes its first token's time.
 * The blocks are the request's {@code hash_ids} or its text's ({@link GenerationRequest}). {@code GET
 * /stowage/llm-sim/stats} answers the cache's counters as JSON.
 *
 * <p>It serves SageMaker's stateful sessions as the DJL and vLLM containers do ({@link LlmSimSessions}): {@code
 * NEW_SESSION} opens one, its id continues it (the turn shows in {@code X-Amzn-SageMaker-Custom-Attributes:
 * session_turn=N}), {@code {"requestType": "CLOSE"}} closes it, and it expires after {@code STOWAGE_SESSION_TTL_S}.
 *
 * <p>Adapters (LoRA) are registered at run time as LMI and vLLM containers take them ({@link LlmSimAdapters}: {@code
 * POST /adapters}, {@code DELETE /adapters/{name}}, {@code GET /adapters}) and applied to a request that names one in
 * {@value LlmSimInvocations#ADAPTER_HEADER}; the answer says which ({@code "adapter"}). At most {@code
 * STOWAGE_MAX_ADAPTERS} are resident, least recently used evicted and reloaded on demand ({@link AdapterSlots}).
 */
final class LlmSimRuntime implements ModelRuntime {
    static final String IMAGE = "stowage/llm-sim";
    static final String COPY_ID = LlmSimSettings.COPY_ID;

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
        DecodeBatch batch = new DecodeBatch(
                settings.stepTime(),
                settings.maxBatch(),
                settings.prefillPerToken(),
                new PrefixCache(settings.prefixBlockTokens(), settings.prefixCacheBlocks()));
        AdapterSlots adapters =
                new AdapterSlots(settings.adapterLoad(), settings.maxAdapters(), settings.adapterMemoryMib());
        try {
            ContractServer server = ContractServer.start(
                    launch.port(),
                    IMAGE,
                    () -> System.nanoTime() - readyAt >= 0,
                    new LlmSimInvocations(
                            counts, batch, new LlmSimSessions(settings.sessionLifetime(), Clock.systemUTC()), adapters),
                    Map.of(
                            LlmSimStats.PATH,
                            new LlmSimStats(batch.prefixCache(), adapters),
                            LlmSimAdapters.PATH,
                            new LlmSimAdapters(adapters, log)),
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
}
