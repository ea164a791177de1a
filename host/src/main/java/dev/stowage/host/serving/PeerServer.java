package dev.stowage.host.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.host.http.HttpServers;
import dev.stowage.host.trust.PeerVerifier;
import dev.stowage.wire.protocol.WireException;
import dev.stowage.wire.runtime.RuntimeError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A host's peer port, which only the fleet's other hosts (and local mode's front) reach: their requests for this
 * host's copies ({@link PeerForwarding}), their load reports ({@link LoadGossip}, {@code POST /stowage/loads}), and
 * {@code GET /ping}. Every request but the ping must carry a peer signature of the deployment's keys ({@link
 * PeerVerifier}); a refusal is the runtime's error shape with AWS's authentication codes. Each request runs on its
 * own virtual thread.
 */
public final class PeerServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PeerServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final PeerForwarding forwarding;
    private final LoadBoard board;
    private final PeerVerifier verifier;

    private PeerServer(HttpServer server, PeerForwarding forwarding, LoadBoard board, PeerVerifier verifier) {
        this.server = server;
        this.forwarding = forwarding;
        this.board = board;
        this.verifier = verifier;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Listens on {@code bind} and serves at once; loads reported by peers go on {@code board}. */
    static PeerServer start(InetSocketAddress bind, PeerForwarding forwarding, LoadBoard board, PeerVerifier verifier) {
        try {
            PeerServer peers = new PeerServer(HttpServers.create(bind), forwarding, board, verifier);
            peers.server.start();
            return peers;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve peers on " + bind, e);
        }
    }

    /** {@code http://<bound address>:<port>}. */
    URI address() {
        return HttpServers.address(server);
    }

    private void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            serve(exchange, path);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "peer request " + path + " ended early", e);
        }
    }

    private void serve(HttpExchange exchange, String path) throws IOException {
        try {
            if (path.startsWith(PeerForwarding.PREFIX)) {
                forwarding.handle(exchange, verified(exchange));
            } else if (path.equals(LoadGossip.PATH)) {
                board.reportAll(CopyLoads.parse(new String(verified(exchange), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            } else if (path.equals("/ping")) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                RuntimeExchanges.write(
                        exchange,
                        RuntimeResponse.error(
                                RuntimeError.unknownOperation(exchange.getRequestMethod(), path), requestId()));
            }
        } catch (WireException refused) {
            // Marked refused too, so that a peer's router picks another copy rather than report a model error.
            exchange.getResponseHeaders().set(PeerForwarding.REFUSED_HEADER, "unauthenticated");
            RuntimeExchanges.write(exchange, RuntimeResponse.refused(refused.error(), requestId()));
        }
    }

    /** The body of a request whose peer signature verifies; the refusal thrown otherwise. */
    private byte[] verified(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        return verifier.verify(
                exchange.getRequestMethod(),
                pathAndQuery,
                RuntimeExchanges.headers(exchange),
                () -> RuntimeExchanges.body(exchange));
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
