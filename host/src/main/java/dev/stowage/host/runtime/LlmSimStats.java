package dev.stowage.host.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code GET /stowage/llm-sim/stats} of a {@code stowage/llm-sim} copy: its prefix cache's counters since start,
 * {@code {"prefix_cache": {"block_tokens", "capacity_blocks", "cached_blocks", "prompts", "prompt_tokens",
 * "hit_tokens", "looked_up_blocks", "hit_blocks", "hit_rate"}}} (hit rate = hit blocks ÷ looked-up blocks).
 */
final class LlmSimStats implements HttpHandler {
    static final String PATH = "/stowage/llm-sim/stats";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrefixCache cache;

    LlmSimStats(PrefixCache cache) {
        this.cache = cache;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = JSON.writeValueAsBytes(json(cache.stats()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static ObjectNode json(PrefixCache.Stats stats) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("prefix_cache")
                .put("block_tokens", stats.blockTokens())
                .put("capacity_blocks", stats.capacityBlocks())
                .put("cached_blocks", stats.cachedBlocks())
                .put("prompts", stats.prompts())
                .put("prompt_tokens", stats.promptTokens())
                .put("hit_tokens", stats.hitTokens())
                .put("looked_up_blocks", stats.lookedUpBlocks())
                .put("hit_blocks", stats.hitBlocks())
                .put("hit_rate", stats.hitRate());
        return root;
    }
}
