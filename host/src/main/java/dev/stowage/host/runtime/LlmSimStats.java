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
 * "hit_tokens", "looked_up_blocks", "hit_blocks", "hit_rate"}}} (hit rate = hit blocks ÷ looked-up blocks), and its
 * adapters' {@code {"adapters": {"registered", "resident", "max_resident", "memory_mb", "loads", "reloads",
 * "evictions"}}}.
 */
final class LlmSimStats implements HttpHandler {
    static final String PATH = "/stowage/llm-sim/stats";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrefixCache cache;
    private final AdapterSlots adapters;

    LlmSimStats(PrefixCache cache, AdapterSlots adapters) {
        this.cache = cache;
        this.adapters = adapters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ObjectNode json = json(cache.stats());
            AdapterSlots.Stats a = adapters.stats();
            json.putObject("adapters")
                    .put("registered", a.registered())
                    .put("resident", a.resident())
                    .put("max_resident", a.maxResident())
                    .put("memory_mb", a.memoryMib())
                    .put("loads", a.loads())
                    .put("reloads", a.reloads())
                    .put("evictions", a.evictions());
            byte[] body = JSON.writeValueAsBytes(json);
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
