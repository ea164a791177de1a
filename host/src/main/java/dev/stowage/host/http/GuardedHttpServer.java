package dev.stowage.host.http;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JDK's HTTP server behind a guard that reads each request's head first ({@link RequestHeads}): what the JDK
 * server would answer with an HTML page, a 501 or a closed connection is refused in the protocol of the request
 * ({@link HeadRefusal}); everything else is relayed to it byte for byte, on the same connection, request after
 * request. The JDK server listens on a loopback port of its own; clients see only the guard's.
 */
public final class GuardedHttpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GuardedHttpServer.class.getName());

    private static final int DRAIN_MILLIS = 2_000;
    /** How long a connection may sit between requests, as the JDK server's own idle timeout allows. */
    private static final int IDLE_MILLIS = 120_000;

    private static final long MAX_DRAINED = 64L * 1024 * 1024;

    private final ServerSocket guard;
    private final HttpServer server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    private GuardedHttpServer(ServerSocket guard, HttpServer server) {
        this.guard = guard;
        this.server = server;
    }

    /** Binds {@code address} at once (connections wait in its backlog until {@link #start}). */
    public static GuardedHttpServer bind(InetSocketAddress address) throws IOException {
        ServerSocket guard = new ServerSocket();
        try {
            guard.bind(address, 128);
            HttpServer server = HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new GuardedHttpServer(guard, server);
        } catch (IOException | RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    /** The JDK server behind the guard: give it its contexts and executor before {@link #start}. */
    public HttpServer server() {
        return server;
    }

    /** The address clients connect to. */
    public InetSocketAddress address() {
        return (InetSocketAddress) guard.getLocalSocketAddress();
    }

    /** Starts the JDK server and the guard, which refuses bad heads with {@code refusal}. */
    public void start(HeadRefusal refusal) {
        server.start();
        Thread.ofVirtual().name("http-guard-" + address().getPort()).start(() -> accept(refusal));
    }

    private void accept(HeadRefusal refusal) {
        while (!closed) {
            try {
                Socket client = guard.accept();
                connections.execute(() -> serve(client, refusal));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "the HTTP guard stopped accepting", e);
                }
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket client, HeadRefusal refusal) {
        try (client;
                Socket upstream = new Socket(
                        InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(IDLE_MILLIS);
            upstream.setTcpNoDelay(true);
            AtomicBoolean refusing = new AtomicBoolean();
            Future<?> answers = connections.submit(() -> answer(upstream, client, refusing));
            InputStream in = new BufferedInputStream(client.getInputStream());
            RequestHeads.Read read = relay(in, upstream.getOutputStream());
            refusing.set(read instanceof RequestHeads.Bad);
            try {
                upstream.shutdownOutput();
            } catch (IOException alreadyGone) {
                // the server closed first: its answers are relayed all the same
            }
            answers.get();
            if (read instanceof RequestHeads.Bad bad) {
                refuse(client.getOutputStream(), refusal.answer(bad.head(), bad.status(), bad.code(), bad.message()));
                client.shutdownOutput();
            }
            drain(client, in);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "a connection ended early", e);
        }
    }

    /**
     * Reads what the client still sends after its refusal (the rest of a large head, a body), for a while: closing
     * with unread bytes resets the connection, and a client still sending would lose the answer with it.
     */
    private static void drain(Socket client, InputStream in) {
        try {
            client.setSoTimeout(DRAIN_MILLIS);
            long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
            byte[] buffer = new byte[64 * 1024];
            long drained = 0;
            for (int n = in.read(buffer); n >= 0 && drained < MAX_DRAINED; n = in.read(buffer)) {
                drained += n;
                if (System.nanoTime() > deadline) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client is gone or silent: either way the connection can close now
        }
    }

    /**
     * Relays requests until the client ends, sends a head to refuse, or the server stops reading (it answered
     * before the whole body came, e.g. a 413): then its answer still goes out, and the rest is drained.
     */
    private static RequestHeads.Read relay(InputStream in, OutputStream out) {
        try {
            RequestHeads.Read read;
            do {
                read = RequestHeads.read(in);
                if (read instanceof RequestHeads.Good good) {
                    out.write(good.raw());
                    if (good.chunked()) {
                        Bodies.copyChunked(in, out);
                    } else {
                        Bodies.copy(in, out, good.length());
                    }
                    out.flush();
                }
            } while (read instanceof RequestHeads.Good);
            return read;
        } catch (IOException e) {
            return new RequestHeads.End();
        }
    }

    private static void refuse(OutputStream out, HeadRefusal.Answer answer) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(answer.status())
                .append(' ')
                .append(answer.status() == 431 ? "Request Header Fields Too Large" : "Bad Request")
                .append("\r\n");
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Length")
                    && !header.getKey().equalsIgnoreCase("Connection")) {
                head.append(header.getKey())
                        .append(": ")
                        .append(header.getValue())
                        .append("\r\n");
            }
        }
        head.append("Content-Length: ").append(answer.body().length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(answer.body());
        out.flush();
    }

    /**
     * Relays the JDK server's answers to the client. When the server hangs up (the client asked it to, or it gave
     * up on a request), the guard ends its side too (a FIN after the answer, never a reset that could lose it),
     * unless it is about to write a refusal of its own.
     */
    private static Void answer(Socket upstream, Socket client, AtomicBoolean refusing) throws IOException {
        InputStream from = upstream.getInputStream();
        OutputStream to = client.getOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
            to.write(buffer, 0, n);
            to.flush();
        }
        if (!refusing.get() && !client.isClosed()) {
            client.shutdownOutput();
        }
        return null;
    }

    /** Stops the guard and the server. */
    @Override
    public void close() {
        closed = true;
        try {
            guard.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server.stop(0);
            connections.shutdownNow();
        }
    }

    /** Copies request bodies as they are framed, so that the next head is read where it starts. */
    static final class Bodies {
        private Bodies() {}

        static void copy(InputStream in, OutputStream out, long length) throws IOException {
            byte[] buffer = new byte[16 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("the body ended " + left + " bytes early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }

        static void copyChunked(InputStream in, OutputStream out) throws IOException {
            while (true) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                String sizeLine = RequestHeads.line(in, raw);
                if (sizeLine == null) {
                    throw new IOException("the chunked body ended early");
                }
                out.write(raw.toByteArray());
                long size = chunkSize(sizeLine);
                if (size == 0) {
                    copyTrailers(in, out);
                    return;
                }
                copy(in, out, size + 2); // the chunk and its CR LF
            }
        }

        private static void copyTrailers(InputStream in, OutputStream out) throws IOException {
            while (true) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                String line = RequestHeads.line(in, raw);
                if (line == null) {
                    throw new IOException("the chunked body ended early");
                }
                out.write(raw.toByteArray());
                if (line.isEmpty()) {
                    return;
                }
            }
        }

        private static long chunkSize(String line) throws IOException {
            int extension = line.indexOf(';');
            String hex = (extension < 0 ? line : line.substring(0, extension)).strip();
            if (hex.isEmpty() || hex.length() > 15) {
                throw new IOException("not a chunk size: " + hex);
            }
            try {
                return Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("not a chunk size: " + hex, e);
            }
        }
    }
}
