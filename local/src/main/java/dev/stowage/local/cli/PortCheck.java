package dev.stowage.local.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * Whether {@code stowage up} can listen on its port, asked before it starts anything: binding a socket for a moment
 * tells. (Another program could still take the port in between; local mode binds its server before anything else, so
 * that too ends before DynamoDB Local starts.)
 */
final class PortCheck {
    private PortCheck() {}

    /** Why {@code port} on 127.0.0.1 cannot be listened on, or empty when it can (0 always can). */
    static Optional<String> refusal(int port) {
        if (port == 0) {
            return Optional.empty();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return Optional.empty();
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage());
            return Optional.of(
                    why.contains("in use") ? inUse(port) : "cannot listen on 127.0.0.1:" + port + ": " + why);
        } catch (IOException e) {
            return Optional.of("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }

    /** The line for a port that is taken. */
    static String inUse(int port) {
        return "port " + port + " on 127.0.0.1 is in use (by another program, or another './stowage up');"
                + " choose another with --port, or --port 0 for a free one";
    }
}
