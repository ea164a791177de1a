package dev.stowage.host.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The adapter API of a {@code stowage/llm-sim} copy, as SageMaker's model hosting container standard has LMI and vLLM
 * containers expose it: {@code POST /adapters} with {@code {"name": "...", "src": "..."}} registers (loads) an adapter
 * and answers 200 once it is loaded; {@code DELETE /adapters/{name}} unregisters it (404 when unknown); {@code GET
 * /adapters} lists the registered ones and which are resident. Errors answer TGI's error body.
 */
final class LlmSimAdapters implements HttpHandler {
    static final String PATH = "/adapters";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdapterSlots slots;
    private final CopyLog log;

    LlmSimAdapters(AdapterSlots slots, CopyLog log) {
        this.slots = slots;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rest = exchange.getRequestURI().getRawPath().substring(PATH.length());
            String method = exchange.getRequestMethod();
            if (rest.isEmpty() || rest.equals("/")) {
                switch (method) {
                    case "POST" -> register(exchange, body);
                    case "GET" -> answer(exchange, 200, list());
                    default -> exchange.sendResponseHeaders(405, -1);
                }
            } else if (method.equals("DELETE")) {
                String name = URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8);
                if (slots.unregister(name)) {
                    log.line("adapter " + name + " unregistered");
                    answer(exchange, 200, JSON.createObjectNode().put("status", "success"));
                } else {
                    error(exchange, 404, "Adapter \"" + name + "\" is not registered.");
                }
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private void register(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            error(exchange, 400, "The body must be JSON: {\"name\": \"...\", \"src\": \"...\"}.");
            return;
        }
        String name = request == null ? "" : request.path("name").asText("");
        String src = request == null ? "" : request.path("src").asText("");
        if (name.isBlank() || src.isBlank()) {
            error(exchange, 400, "Registering an adapter needs its \"name\" and its \"src\".");
            return;
        }
        try {
            slots.register(name, src);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 503, "The server is stopping.");
            return;
        }
        log.line("adapter " + name + " loaded from " + src);
        answer(exchange, 200, JSON.createObjectNode().put("status", "success").put("name", name));
    }

    private ObjectNode list() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode adapters = root.putArray("adapters");
        var resident = slots.resident();
        slots.registered().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> adapters.addObject()
                        .put("name", e.getKey())
                        .put("src", e.getValue())
                        .put("resident", resident.contains(e.getKey())));
        return root;
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = TgiAnswers.error(message, "validation");
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void answer(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] body = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
