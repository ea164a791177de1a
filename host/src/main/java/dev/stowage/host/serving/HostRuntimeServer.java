package dev.stowage.host.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.host.http.GuardedHttpServer;
import dev.stowage.host.http.HeadRefusal;
import dev.stowage.host.http.RequestHead;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.runtime.InvocationRequest;
import dev.stowage.wire.runtime.InvocationResponses;
import dev.stowage.wire.runtime.RuntimeError;
import dev.stowage.wire.runtime.RuntimeErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A host's HTTP front: the runtime API ({@code POST /endpoints/{name}/invocations} and {@code
 * /invocations-response-stream}, served by its {@link InvocationService}), the peers' way to its copies ({@link
 * PeerForwarding}), their load reports ({@link LoadGossip}), and {@code GET /ping} for load balancers. Each request
 * runs on its own virtual thread.
 */
public final class HostRuntimeServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HostRuntimeServer.class.getName());

    private final GuardedHttpServer guarded;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final InvocationService invocations;
    private final PeerForwarding peers;

    private HostRuntimeServer(GuardedHttpServer guarded, InvocationService invocations, PeerForwarding peers) {
        this.guarded = guarded;
        this.server = guarded.server();
        this.invocations = invocations;
        this.peers = peers;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Listens on {@code bind} and serves at once. */
    public static HostRuntimeServer start(InetSocketAddress bind, InvocationService invocations, PeerForwarding peers) {
        try {
            HostRuntimeServer front = new HostRuntimeServer(GuardedHttpServer.bind(bind), invocations, peers);
            front.guarded.start(HostRuntimeServer::refusal);
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the runtime API on " + bind, e);
        }
    }

    /** {@code http://<bound address>:<port>}. */
    public URI address() {
        InetSocketAddress bound = guarded.address();
        return URI.create("http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.startsWith(PeerForwarding.PREFIX)) {
                peers.handle(exchange);
            } else if (path.equals(LoadGossip.PATH)) {
                receiveLoads(exchange);
            } else if (path.equals("/ping")) {
                try (exchange) {
                    exchange.sendResponseHeaders(200, -1);
                }
            } else {
                try (exchange) {
                    RuntimeExchanges.write(exchange, invoke(exchange));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "runtime request " + path + " ended early", e);
            exchange.close();
        }
    }

    /** Parses and serves one runtime API request. */
    private RuntimeResponse invoke(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        Headers headers = RuntimeExchanges.headers(exchange);
        try {
            InvocationRequest request = InvocationRequest.parse(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    headers,
                    RuntimeExchanges.body(exchange));
            return invocations.invoke(
                    request, requestId, headers.first(CapacityWait.HEADER).flatMap(CapacityWait::ofHeader));
        } catch (RuntimeErrorException e) {
            return RuntimeResponse.error(e.error(), requestId);
        }
    }

    private void receiveLoads(HttpExchange exchange) throws IOException {
        try (exchange) {
            String text = new String(RuntimeExchanges.body(exchange), StandardCharsets.UTF_8);
            invocations.board().reportAll(CopyLoads.parse(text));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** A request whose head the guard refuses, answered as the runtime answers errors (REST JSON). */
    private static HeadRefusal.Answer refusal(RequestHead head, int status, String code, String message) {
        RuntimeError error = new RuntimeError(code, status, message, null);
        String requestId = UUID.randomUUID().toString();
        return new HeadRefusal.Answer(
                status, InvocationResponses.errorHeaders(error, requestId), InvocationResponses.errorBody(error));
    }

    @Override
    public void close() {
        guarded.close();
        executor.shutdownNow();
    }
}
