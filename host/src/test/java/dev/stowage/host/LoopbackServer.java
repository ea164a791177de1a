package dev.stowage.host;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/** A JDK HTTP server on a free loopback port standing in for a service the host calls (the API, IMDS). */
public final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;

    private LoopbackServer(HttpServer server) {
        this.server = server;
    }

    /** A started server answering every request under {@code path} with {@code handler}. */
    public static LoopbackServer serving(String path, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(path, handler);
            server.start();
            return new LoopbackServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
