package dev.stowage.host.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Creates the JDK's HTTP servers with Nagle's algorithm off. The JDK server leaves it on unless the system property
 * {@value #NO_DELAY} is set before its first server starts; with it on, a chunked answer written in small pieces
 * (tokens, a proxied body, the closing chunk) waits for the client's delayed ACK, about 40 ms per piece.
 */
public final class HttpServers {
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        System.setProperty(NO_DELAY, "true");
    }

    private HttpServers() {}

    /** An unstarted server bound to {@code address}, as {@link HttpServer#create(InetSocketAddress, int)}. */
    public static HttpServer create(InetSocketAddress address) throws IOException {
        return HttpServer.create(address, 0);
    }

    /** {@code http://<bound address>:<port>} of a started server. */
    public static URI address(HttpServer server) {
        return address(server.getAddress());
    }

    /** {@code http://<address>:<port>} of a bound socket. */
    public static URI address(InetSocketAddress bound) {
        return URI.create("http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort());
    }
}
