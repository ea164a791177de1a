package dev.stowage.functions.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP server standing in for API Gateway + the runtime handler: each exchange becomes an
 * {@link APIGatewayProxyRequestEvent} (headers, raw path, body as text or base64 as API Gateway sends
 * it), is parsed with {@link InvocationRequest#fromEvent}, and the scripted {@link Answer} is written
 * back — a proxy response decoded as API Gateway would, or event-stream frames as a chunked body.
 */
final class RuntimeWireServer implements AutoCloseable {

    /** What the server answers to a parsed request. */
    sealed interface Answer {
        /** An API Gateway proxy response. */
        record Buffered(APIGatewayProxyResponseEvent response) implements Answer {}

        /** Status 200 with these headers, then each frame, flushed one by one, as a chunked body. */
        record Streamed(Map<String, String> headers, List<byte[]> frames) implements Answer {}
    }

    static final String REQUEST_ID = "7c1b5e0e-4a39-4c55-b2a5-2d5c6a1b9f00";

    private final HttpServer server;
    private final List<InvocationRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private volatile Function<InvocationRequest, Answer> script = request ->
            new Answer.Buffered(InvocationResponses.error(RuntimeError.internalFailure("no script"), REQUEST_ID));

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
                InvocationRequest request = InvocationRequest.fromEvent(event(exchange));
                received.add(request);
                answer = script.apply(request);
            } catch (RuntimeErrorException e) {
                answer = new Answer.Buffered(InvocationResponses.error(e.error(), REQUEST_ID));
            }
            switch (answer) {
                case Answer.Buffered buffered -> write(exchange, buffered.response());
                case Answer.Streamed streamed -> stream(exchange, streamed);
            }
        }
    }

    private static APIGatewayProxyRequestEvent event(HttpExchange exchange) throws IOException {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        Map<String, String> single = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            multi.put(name, List.copyOf(values));
            single.put(name, values.getLast());
        });
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = utf8(body);
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setPath(exchange.getRequestURI().getRawPath());
        context.setRequestId(REQUEST_ID);
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(exchange.getRequestMethod())
                .withPath(exchange.getRequestURI().getPath())
                .withHeaders(single)
                .withMultiValueHeaders(multi)
                .withRequestContext(context)
                .withIsBase64Encoded(text == null)
                .withBody(text != null ? text : Base64.getEncoder().encodeToString(body));
    }

    private static void write(HttpExchange exchange, APIGatewayProxyResponseEvent response) throws IOException {
        response.getHeaders().forEach(exchange.getResponseHeaders()::add);
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = Boolean.TRUE.equals(response.getIsBase64Encoded())
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
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

    private static @Nullable String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
