package dev.stowage.local.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.host.http.GuardedHttpServer;
import dev.stowage.local.lambda.LocalLambdaContext;
import dev.stowage.wire.protocol.WireError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The API Gateway of local mode: an HTTP server on 127.0.0.1 that hands every request, as a REST API proxy event, to
 * one API handler and writes its response back; each request runs on its own virtual thread. A handler that throws
 * or returns no status gets API Gateway's 502. See {@link RawRequest} for the request as the client signed it.
 *
 * <p>The JDK server normalises header-name case (first letter upper case, the rest lower case), so handlers must
 * compare header names case-insensitively, as they should on API Gateway anyway.
 */
public final class LocalHttpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalHttpServer.class.getName());
    private static final String FUNCTION_NAME = "api";
    /**
     * API Gateway's payload limit (10 MB): a body past it is refused with 413 by its {@code Content-Length}, or once
     * that much has been read, before anything else is done with it, so one request cannot take the heap.
     */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final GuardedHttpServer guarded;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String region;
    private final String account;
    private volatile ProxyRefusal refusal = ProxyRefusal.json();

    private LocalHttpServer(GuardedHttpServer guarded, String region, String account) {
        this.guarded = guarded;
        this.server = guarded.server();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.region = region;
        this.account = account;
        server.setExecutor(executor);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 picks a free port) without serving yet, so that the address is known before
     * the handler is built; connections wait in the backlog until {@link #serve}.
     */
    public static LocalHttpServer bind(int port, String region, String account) {
        try {
            return new LocalHttpServer(
                    GuardedHttpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)),
                    region,
                    account);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Starts serving every path with {@code handler}, refusing as REST JSON APIs do. Call once. */
    public LocalHttpServer serve(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        return serve(handler, ProxyRefusal.json());
    }

    /**
     * Starts serving every path with {@code handler}; a request refused before it (a head the JDK server would
     * answer with an HTML page or a 501, a body past {@link #MAX_BODY_BYTES}) is answered by {@code refusal}. Call
     * once.
     */
    public LocalHttpServer serve(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler, ProxyRefusal refusal) {
        this.refusal = refusal;
        server.createContext("/", exchange -> handle(exchange, handler));
        guarded.start((head, status, code, message) -> ProxyResponses.answer(
                refusal.refuse(ProxyRequests.ofHead(head), new WireError(code, message, status))));
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return guarded.address().getPort();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private static long declaredLength(HttpExchange exchange) {
        try {
            return Long.parseLong(
                    exchange.getRequestHeaders().getFirst("Content-Length").strip());
        } catch (NullPointerException | NumberFormatException e) {
            return -1;
        }
    }

    /** Stops accepting requests and waits up to 5 s for those in progress. */
    @Override
    public void close() {
        guarded.close();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(
            HttpExchange exchange, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler)
            throws IOException {
        try (exchange) {
            long declared = declaredLength(exchange);
            if (declared > MAX_BODY_BYTES) {
                ProxyResponses.write(exchange, tooLarge(exchange, declared));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                // Read one byte past the limit at most: a chunked body that goes on is refused, not held.
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                ProxyResponses.write(exchange, tooLarge(exchange, body.length));
                return;
            }
            String requestId = UUID.randomUUID().toString();
            APIGatewayProxyRequestEvent event = ProxyRequests.toEvent(exchange, body, requestId, account);
            APIGatewayProxyResponseEvent response;
            try {
                response = handler.handleRequest(
                        event, LocalLambdaContext.withRequestId(requestId, FUNCTION_NAME, region, account));
            } catch (RuntimeException | Error e) {
                LOG.log(
                        System.Logger.Level.ERROR,
                        "the API handler failed on " + event.getHttpMethod() + " " + event.getPath(),
                        e);
                response = ProxyResponses.badGateway();
            }
            ProxyResponses.write(exchange, response);
        }
    }

    /** API Gateway's answer to a body over its payload limit, in the request's protocol. */
    private APIGatewayProxyResponseEvent tooLarge(HttpExchange exchange, long bytes) {
        return refusal.refuse(
                ProxyRequests.toEvent(exchange, new byte[0], UUID.randomUUID().toString(), account),
                new WireError(
                        "RequestEntityTooLarge",
                        "Request body of " + bytes + " bytes or more is larger than the " + MAX_BODY_BYTES
                                + " bytes this endpoint accepts.",
                        413));
    }
}
