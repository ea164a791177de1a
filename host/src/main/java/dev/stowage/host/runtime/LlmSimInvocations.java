package dev.stowage.host.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /invocations} of a {@code stowage/llm-sim} copy, answered as TGI answers on SageMaker: the request
 * ({@link GenerationRequest}) joins the copy's {@link DecodeBatch}; without {@code "stream": true} the answer comes
 * whole once every token is decoded ({@code [{"generated_text": "..."}]}, or the bare text for {@code Accept:
 * text/plain}); with it, each token is written as it is decoded (server-sent events, or JSON lines for {@code
 * Accept: application/jsonlines}). An {@code Accept} it cannot answer in gets 406 with TGI's error body, which the
 * runtime API reports as a {@code ModelError} as the service does. A streaming client that goes away frees its place
 * in the batch. A request with {@code X-Amzn-SageMaker-Session-Id} opens, continues or closes a stateful session
 * first ({@link LlmSimSessions}); one naming a session that is not open gets 400, as DJL's and vLLM's containers
 * answer. A request naming an adapter
 * ({@value #ADAPTER_HEADER}) is generated with it, reloaded first if it was evicted, and its whole JSON answer (or the
 * last server-sent event of a stream) names it ({@code "adapter"}); an adapter not registered is a 400.
 */
final class LlmSimInvocations implements HttpHandler {
    private static final String[] WORDS = {
        " the", " model", " token", " stream", " of", " a", " copy", " and", " to", " in", " is", " that"
    };

    /** The header naming the adapter to apply, as SageMaker sends it to LMI and vLLM containers. */
    static final String ADAPTER_HEADER = "X-Amzn-SageMaker-Adapter-Identifier";

    private final TokenCounts counts;
    private final DecodeBatch batch;
    private final LlmSimSessions sessions;
    private final AdapterSlots adapters;

    LlmSimInvocations(TokenCounts counts, DecodeBatch batch, LlmSimSessions sessions, AdapterSlots adapters) {
        this.counts = counts;
        this.batch = batch;
        this.sessions = sessions;
        this.adapters = adapters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            String sessionId = exchange.getRequestHeaders().getFirst(LlmSimSessions.SESSION_HEADER);
            if (sessionId != null && !session(exchange, sessionId, LlmSimSessions.requestType(requestBody))) {
                return;
            }
            GenerationRequest request = GenerationRequest.parse(requestBody);
            @Nullable String adapter = exchange.getRequestHeaders().getFirst(ADAPTER_HEADER);
            if (adapter != null && !adapter.isBlank()) {
                try {
                    adapters.use(adapter);
                } catch (AdapterSlots.UnknownAdapter e) {
                    LlmSimAdapters.error(exchange, 400, e.getMessage());
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                adapter = null;
            }
            List<AnswerFormat> offers = request.stream() ? AnswerFormat.STREAMED : AnswerFormat.WHOLE;
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            Optional<AnswerFormat> format = AnswerFormat.negotiate(accept, offers);
            if (format.isEmpty()) {
                notAcceptable(exchange, accept, offers);
                return;
            }
            int tokens = request.maxNewTokens().orElseGet(counts::next);
            Generation generation = new Generation(request, tokens, counts.split());
            exchange.getResponseHeaders().set("Content-Type", format.get().contentType());
            if (request.stream()) {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    stream(generation, format.get(), out, adapter);
                }
            } else {
                byte[] body = whole(generation, format.get(), adapter);
                exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private byte[] whole(Generation generation, AnswerFormat format, @Nullable String adapter) throws IOException {
        generation.run((index, id, token) -> {});
        String text = generation.text();
        return format == AnswerFormat.TEXT
                ? text.getBytes(StandardCharsets.UTF_8)
                : TgiAnswers.whole(generation.request, text, generation.finish(), adapter);
    }

    private void stream(Generation generation, AnswerFormat format, OutputStream out, @Nullable String adapter)
            throws IOException {
        generation.run((index, id, token) -> {
            if (format == AnswerFormat.JSON_LINES) {
                out.write(TgiAnswers.line(id, token));
            } else {
                boolean last = index == generation.tokens;
                out.write(TgiAnswers.event(
                        generation.request,
                        index,
                        id,
                        token,
                        last ? generation.finish() : null,
                        last ? generation.text() : "",
                        adapter));
            }
            out.flush();
        });
    }

    /**
     * Opens, continues or closes the request's session; true when a generation is to follow (its turn in {@code
     * X-Amzn-SageMaker-Custom-Attributes}), false when the answer has been sent.
     */
    private boolean session(HttpExchange exchange, String sessionId, Optional<String> requestType) throws IOException {
        var headers = exchange.getResponseHeaders();
        LlmSimSessions.Session session;
        if (sessionId.equals(LlmSimSessions.NEW_SESSION)) {
            Optional<LlmSimSessions.Session> opened = sessions.open();
            if (opened.isEmpty()) {
                answer(exchange, 429, TgiAnswers.error("Too many open sessions; close some first.", "overloaded"));
                return false;
            }
            session = opened.get();
            headers.set(LlmSimSessions.NEW_SESSION_HEADER, session.header());
            if (requestType.filter(LlmSimSessions.NEW_SESSION::equals).isPresent()) {
                answer(exchange, 200, result("Session " + session.id() + " created"));
                return false;
            }
        } else {
            Optional<LlmSimSessions.Session> found = sessions.find(sessionId);
            if (found.isEmpty()) {
                answer(
                        exchange,
                        400,
                        TgiAnswers.error(
                                "Session " + sessionId + " is not open: closed, expired or never opened here.",
                                "validation"));
                return false;
            }
            session = found.get();
            if (requestType.filter(LlmSimSessions.CLOSE::equals).isPresent()) {
                sessions.close(sessionId);
                headers.set(LlmSimSessions.CLOSED_SESSION_HEADER, sessionId);
                answer(exchange, 200, result("Session " + sessionId + " closed"));
                return false;
            }
        }
        headers.set(
                "X-Amzn-SageMaker-Custom-Attributes",
                "session_turn=" + session.turns().incrementAndGet());
        return true;
    }

    private static byte[] result(String text) {
        return ("{\"result\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", AnswerFormat.JSON.contentType());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void notAcceptable(HttpExchange exchange, @Nullable String accept, List<AnswerFormat> offers)
            throws IOException {
        byte[] body = TgiAnswers.error(
                LlmSimRuntime.IMAGE + " cannot answer in " + accept + ": it answers " + mediaTypes(offers)
                        + (offers == AnswerFormat.WHOLE ? ", and with \"stream\": true " : ", and without it ")
                        + mediaTypes(offers == AnswerFormat.WHOLE ? AnswerFormat.STREAMED : AnswerFormat.WHOLE),
                "validation");
        exchange.getResponseHeaders().set("Content-Type", AnswerFormat.JSON.contentType());
        exchange.sendResponseHeaders(406, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String mediaTypes(List<AnswerFormat> formats) {
        return formats.stream().map(AnswerFormat::mediaType).collect(Collectors.joining(" or "));
    }

    /** What a step of the generation hands on: token number {@code index} (from 1), its id and its text. */
    private interface TokenSink {
        void token(int index, int id, String text) throws IOException;
    }

    /** One request's generation in the batch, its text gathered as it goes. */
    private final class Generation {
        final GenerationRequest request;
        final int tokens;
        private final SplittableRandom random;
        private final StringBuilder text = new StringBuilder();
        private int generated;

        Generation(GenerationRequest request, int tokens, SplittableRandom random) {
            this.request = request;
            this.tokens = tokens;
            this.random = random;
            if (request.returnFullText()) {
                text.append(request.inputs());
            }
        }

        void run(TokenSink sink) throws IOException {
            if (tokens <= 0) {
                return;
            }
            Sequence sequence = batch.submit(new Sequence(tokens, request.promptTokens(), request.prefixBlocks()));
            try {
                int id;
                while ((id = sequence.next()) != Sequence.END) {
                    String token = WORDS[random.nextInt(WORDS.length)];
                    text.append(token);
                    generated++;
                    sink.token(generated, id, token);
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

        String text() {
            return text.toString();
        }

        TgiAnswers.Finish finish() {
            return TgiAnswers.Finish.of(request, generated);
        }
    }
}
