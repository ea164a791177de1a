package dev.stowage.host.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.host.http.GuardedHttpServer;
import dev.stowage.host.http.HeadRefusal;
import dev.stowage.host.http.HttpServers;
import dev.stowage.host.http.RequestHead;
import dev.stowage.host.trust.InvocationGate;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.WireException;
import dev.stowage.wire.runtime.InvocationRequest;
import dev.stowage.wire.runtime.InvocationResponses;
import dev.stowage.wire.runtime.RuntimeError;
import dev.stowage.wire.runtime.RuntimeErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A host's runtime port, where the load balancer sends clients' invocations: the runtime API ({@code POST
 * /endpoints/{name}/invocations} and {@code /invocations-response-stream}, served by its {@link InvocationService})
 * for callers its {@link InvocationGate} lets in, and {@code GET /ping} for load balancers. Peers reach the host on
 * its other port ({@link PeerServer}). Each request runs on its own virtual thread.
 */
public final class HostRuntimeServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HostRuntimeServer.class.getName());

    private final GuardedHttpServer guarded;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final InvocationService invocations;
    private final InvocationGate gate;

    private HostRuntimeServer(GuardedHttpServer guarded, InvocationService invocations, InvocationGate gate) {
        this.guarded = guarded;
        this.server = guarded.server();
        this.invocations = invocations;
        this.gate = gate;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Listens on {@code bind} and serves at once. */
    public static HostRuntimeServer start(InetSocketAddress bind, InvocationService invocations, InvocationGate gate) {
        try {
            HostRuntimeServer front = new HostRuntimeServer(GuardedHttpServer.bind(bind), invocations, gate);
            front.guarded.start(HostRuntimeServer::refusal);
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the runtime API on " + bind, e);
        }
    }

    /** {@code http://<bound address>:<port>}. */
    public URI address() {
        return HttpServers.address(guarded.address());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.equals("/ping")) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                RuntimeExchanges.write(exchange, invoke(exchange));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "runtime request " + path + " ended early", e);
        }
    }

    /** Checks, parses and serves one runtime API request. */
    private RuntimeResponse invoke(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        Headers headers = RuntimeExchanges.headers(exchange);
        URI uri = exchange.getRequestURI();
        try {
            byte[] body = gate.admit(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    Objects.requireNonNullElse(uri.getRawQuery(), ""),
                    headers,
                    () -> RuntimeExchanges.body(exchange));
            InvocationRequest request =
                    InvocationRequest.parse(exchange.getRequestMethod(), uri.getRawPath(), headers, body);
            return invocations.invoke(
                    request, requestId, headers.first(CapacityWait.HEADER).flatMap(CapacityWait::ofHeader));
        } catch (WireException refused) {
            return RuntimeResponse.refused(refused.error(), requestId);
        } catch (RuntimeErrorException e) {
            return RuntimeResponse.error(e.error(), requestId);
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
