package dev.stowage.host.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.host.http.HttpServers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * An in-process model server on a loopback port: the JDK {@code HttpServer} on virtual threads, answering {@code
 * GET /ping} (200 once {@code ready} says so, 503 before) and handing {@code POST /invocations} to a handler.
 */
final class ContractServer implements RunningModel {
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final CopyLog log;

    private ContractServer(HttpServer server, ExecutorService executor, URI baseUrl, CopyLog log) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static ContractServer start(int port, String name, BooleanSupplier ready, HttpHandler invocations, CopyLog log)
            throws IOException {
        return start(port, name, ready, invocations, Map.of(), log);
    }

    /** A server that also answers {@code GET} on each path of {@code more} with its handler (a model's own stats). */
    static ContractServer start(
            int port,
            String name,
            BooleanSupplier ready,
            HttpHandler invocations,
            Map<String, HttpHandler> more,
            CopyLog log)
            throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        HttpServer server = HttpServers.create(new InetSocketAddress(loopback, port));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/ping", exchange -> ping(exchange, ready));
        server.createContext("/invocations", exchange -> invoke(exchange, invocations));
        more.forEach(server::createContext);
        server.start();
        URI baseUrl = URI.create("http://" + loopback.getHostAddress() + ":" + port);
        log.line(name + " serving the container contract on " + baseUrl);
        return new ContractServer(server, executor, baseUrl, log);
    }

    private static void ping(HttpExchange exchange, BooleanSupplier ready) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(ready.getAsBoolean() ? 200 : 503, -1);
        }
    }

    private static void invoke(HttpExchange exchange, HttpHandler invocations) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            try (exchange) {
                exchange.sendResponseHeaders(405, -1);
            }
            return;
        }
        invocations.handle(exchange);
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void stop(Duration grace) {
        // HttpServer.stop waits up to whole seconds for open exchanges; round a positive grace up.
        int seconds = grace.isZero() || grace.isNegative() ? 0 : (int) Math.max(1, grace.toSeconds());
        server.stop(seconds);
        executor.shutdownNow();
        log.line("stopped");
    }
}
