package dev.stowage.host.serving;

import com.sun.net.httpserver.HttpExchange;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.copies.RoutableCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host's side of a peer's request (on its peer port, {@link PeerServer}, once the request's peer signature has
 * verified): {@code POST /stowage/copies/{copyId}/invocations} takes one of the copy's
 * request slots and passes the request and the copy's answer through unchanged, streaming, so that the peer's
 * router frames and times it. When the copy is gone, draining or full it answers 503 with {@value #REFUSED_HEADER}
 * and the peer picks another copy; a request of a stateful session its copy's container closed is refused with
 * {@value Sessions#CLOSED_REFUSAL} (ADR 31). Every answer carries this host's copy loads ({@link CopyLoads}). A
 * request taken is sampled into {@code ConcurrentRequestsPerCopy} here, where the counts are exact ({@link
 * LoadSampler#sampleTaken}).
 */
final class PeerForwarding {
    static final String PREFIX = "/stowage/copies/";
    static final String REFUSED_HEADER = "X-Stowage-Refused";
    /** The query parameter that tells the copy's limit (the component's, which the entry router knows). */
    static final String LIMIT = "limit";

    private final CopyTable copies;
    private final CopyClient client;
    private final ServingSettings settings;
    private final LoadSampler sampler;

    PeerForwarding(CopyTable copies, CopyClient client, ServingSettings settings, LoadSampler sampler) {
        this.copies = copies;
        this.client = client;
        this.settings = settings;
        this.sampler = sampler;
    }

    static URI uri(URI host, String copyId, int limit) {
        return URI.create(host + PREFIX + copyId + "/invocations?" + LIMIT + "=" + limit);
    }

    /** Serves a peer's request whose signature verified ({@link PeerServer}), with its {@code body}. */
    void handle(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String copyId = path.substring(PREFIX.length(), Math.max(PREFIX.length(), path.lastIndexOf('/')));
        Optional<RoutableCopy> copy = copies.get(copyId);
        if (copy.isPresent()
                && Sessions.closedOn(copy.get(), exchange.getRequestHeaders().getFirst(Sessions.SESSION_HEADER))) {
            refuse(exchange, Sessions.CLOSED_REFUSAL);
            return;
        }
        if (copy.isEmpty() || !copy.get().tryAcquire(limit(exchange))) {
            refuse(exchange, copy.isEmpty() ? "gone" : copy.get().state() + " or full");
            return;
        }
        if (!AdapterRouting.hasAdapterAsked(copy.get(), exchange.getRequestHeaders())) {
            copy.get().release();
            refuse(exchange, "adapter not loaded");
            return;
        }
        sampler.sampleTaken(copy.get().inferenceComponentName());
        try {
            pass(exchange, copy.get(), body);
        } finally {
            copy.get().release();
        }
    }

    private void pass(HttpExchange exchange, RoutableCopy copy, byte[] body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : CopyClient.FORWARDED) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        CopyClient.Answer answer;
        try {
            answer = client.post(URI.create(copy.baseUrl() + "/invocations"), body, headers, settings.streamTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Sessions.noteClosed(copy, answer.headers());
        CopyClient.pick(answer.headers(), CopyClient.RETURNED)
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set(CopyLoads.HEADER, CopyLoads.of(copies));
        exchange.sendResponseHeaders(answer.status(), length(answer));
        try (InputStream in = answer.body();
                OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }

    /** The body's length when the copy said it ({@code -1} for none), else 0: chunked. */
    private static long length(CopyClient.Answer answer) {
        String declared = CopyClient.header(answer.headers(), "Content-Length");
        if (declared == null) {
            return 0;
        }
        try {
            long length = Long.parseLong(declared.trim());
            return length == 0 ? -1 : length;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void refuse(HttpExchange exchange, String why) throws IOException {
        exchange.getResponseHeaders().set(REFUSED_HEADER, why);
        exchange.getResponseHeaders().set(CopyLoads.HEADER, CopyLoads.of(copies));
        exchange.sendResponseHeaders(503, -1);
    }

    private int limit(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith(LIMIT + "=")) {
            try {
                return Math.max(1, Integer.parseInt(query.substring(LIMIT.length() + 1)));
            } catch (NumberFormatException e) {
                // the default
            }
        }
        return settings.concurrencyLimit();
    }
}
