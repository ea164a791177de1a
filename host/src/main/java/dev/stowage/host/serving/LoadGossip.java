package dev.stowage.host.serving;

import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.trust.PeerSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Tells the other hosts of the fleet how many requests this host's copies have (ADR 11): every {@code interval},
 * when the loads have changed, and at least once a second, a {@code POST /stowage/loads} to each peer, fire and
 * forget, each signed with the deployment's host key ({@link PeerSigner}, ADR 23) so that no one else can skew the
 * fleet's routing with made-up loads. A peer that does not answer loses nothing but freshness; the next push carries
 * the whole state.
 */
final class LoadGossip implements AutoCloseable {
    static final String PATH = "/stowage/loads";
    private static final long HEARTBEAT_NANOS = Duration.ofSeconds(1).toNanos();

    private final CopyTable copies;
    private final RoutingDirectory directory;
    private final String endpointName;
    private final String variantName;
    private final Duration interval;
    private final PeerSigner signer;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private volatile URI self = URI.create("http://0.0.0.0:0");
    private volatile boolean running;
    private Thread thread = Thread.ofVirtual().unstarted(() -> {});

    LoadGossip(
            CopyTable copies,
            RoutingDirectory directory,
            String endpointName,
            String variantName,
            Duration interval,
            PeerSigner signer) {
        this.copies = copies;
        this.directory = directory;
        this.endpointName = endpointName;
        this.variantName = variantName;
        this.interval = interval;
        this.signer = signer;
    }

    synchronized void start(URI selfAddress) {
        self = selfAddress;
        running = true;
        thread = Thread.ofVirtual().name("load-gossip-" + selfAddress).start(this::run);
    }

    private void run() {
        String last = "";
        long lastSent = 0;
        while (running) {
            String loads = CopyLoads.of(copies);
            long now = System.nanoTime();
            if (!loads.isEmpty() && (!loads.equals(last) || now - lastSent > HEARTBEAT_NANOS)) {
                push(loads);
                last = loads;
                lastSent = now;
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void push(String loads) {
        List<URI> peers;
        try {
            peers = directory.hosts(endpointName, variantName);
        } catch (RuntimeException e) {
            return;
        }
        byte[] body = loads.getBytes(StandardCharsets.UTF_8);
        for (URI peer : peers) {
            if (!peer.equals(self)) {
                URI uri = URI.create(peer + PATH);
                HttpRequest request;
                try {
                    request = HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(1))
                            .header(PeerSigner.HEADER, signer.sign("POST", uri, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build();
                } catch (RuntimeException keysUnreadable) {
                    return; // no keys yet: the next push tries again
                }
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        thread.interrupt();
        http.close();
    }
}
