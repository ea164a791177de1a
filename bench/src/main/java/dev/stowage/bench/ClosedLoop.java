package dev.stowage.bench;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Closed-loop traffic to one inference component: {@code clients} virtual threads, each sending its next request as
 * soon as the last one answers, so the component has that many requests in flight whatever its latency. {@link
 * #grow} adds clients (a load step).
 */
final class ClosedLoop implements AutoCloseable {
    private final AutoscalingLab lab;
    private final String endpoint;
    private final String component;
    private final int tokens;
    private final Outcomes outcomes = new Outcomes();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean stopped;

    ClosedLoop(AutoscalingLab lab, String endpoint, String component, int tokens, int clients) {
        this.lab = lab;
        this.endpoint = endpoint;
        this.component = component;
        this.tokens = tokens;
        grow(clients);
    }

    /** Brings the number of clients up to {@code total}. */
    synchronized void grow(int total) {
        while (clients.size() < total) {
            clients.add(Thread.ofVirtual()
                    .name("client-" + component + "-" + clients.size())
                    .start(this::loop));
        }
    }

    private void loop() {
        while (!stopped) {
            long start = System.nanoTime();
            try {
                lab.runtime().invokeEndpoint(b -> b.endpointName(endpoint)
                        .inferenceComponentName(component)
                        .contentType("application/json")
                        .body(SdkBytes.fromUtf8String("{\"max_new_tokens\": " + tokens + "}")));
                outcomes.succeeded(System.nanoTime() - start);
            } catch (RuntimeException e) {
                outcomes.failed(e);
            }
        }
    }

    Outcomes outcomes() {
        return outcomes;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        stopped = true;
        for (Thread client : clients) {
            client.join();
        }
    }
}
