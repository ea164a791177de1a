package dev.stowage.host.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a TCP port on the loopback interface that is free right now. */
public final class FreePort {
    private FreePort() {}

    /**
     * A port that was free on 127.0.0.1 when this method returned. Another process may take it before the caller
     * binds it, so callers that bind later retry on a bind failure.
     */
    public static int onLoopback() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
