package dev.stowage.wire.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.wire.protocol.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback HTTP server standing in for a runtime front: each exchange is parsed with {@link
 * InvocationRequest#parse} (raw path, every header, the body), and the scripted {@link Answer} is written back — a
 * buffered answer, or event-stream frames as a chunked body.
 */
final class RuntimeWireServer implements AutoCloseable {

    /** What the server answers to a parsed request. */
    sealed interface Answer {
        /** A whole answer. */
        record Buffered(int status, Map<String, String> headers, byte[] body) implements Answer {}

        /** Status 200 with these headers, then each frame, flushed one by one, as a chunked body. */
        record Streamed(Map<String, String> headers, List<byte[]> frames) implements Answer {}

        /** A successful {@code InvokeEndpoint}. */
        static Answer success(ResponseMetadata metadata, byte[] body) {
            return new Buffered(200, InvocationResponses.successHeaders(metadata, REQUEST_ID), body);
        }

        static Answer error(RuntimeError error) {
            return new Buffered(
                    error.status(),
                    InvocationResponses.errorHeaders(error, REQUEST_ID),
                    InvocationResponses.errorBody(error));
        }
    }

    static final String REQUEST_ID = "7c1b5e0e-4a39-4c55-b2a5-2d5c6a1b9f00";

    private final HttpServer server;
    private final List<InvocationRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private volatile Function<InvocationRequest, Answer> script =
            request -> Answer.error(RuntimeError.internalFailure("no script"));

    RuntimeWireServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URI to give the SDK's {@code endpointOverride}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers every later request with the function's result. */
    void answer(Function<InvocationRequest, Answer> script) {
        this.script = script;
    }

    /** The requests that parsed, in arrival order. */
    List<InvocationRequest> received() {
        return received;
    }

    /** How many HTTP exchanges arrived, parsed or not (counts SDK retries). */
    int exchanges() {
        return exchanges.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchanges.incrementAndGet();
        try (exchange) {
            Answer answer;
            try {
                InvocationRequest request = InvocationRequest.parse(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        Headers.of(exchange.getRequestHeaders()),
                        exchange.getRequestBody().readAllBytes());
                received.add(request);
                answer = script.apply(request);
            } catch (RuntimeErrorException e) {
                answer = Answer.error(e.error());
            }
            switch (answer) {
                case Answer.Buffered buffered -> write(exchange, buffered);
                case Answer.Streamed streamed -> stream(exchange, streamed);
            }
        }
    }

    private static void write(HttpExchange exchange, Answer.Buffered answer) throws IOException {
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        exchange.getResponseBody().write(answer.body());
    }

    private static void stream(HttpExchange exchange, Answer.Streamed streamed) throws IOException {
        streamed.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (byte[] frame : streamed.frames()) {
            out.write(frame);
            out.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
