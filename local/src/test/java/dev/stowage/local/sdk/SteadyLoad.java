package dev.stowage.local.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * Load on one inference component through the real runtime client, at a level that can be changed while it runs:
 * either {@link #paced} (requests per real second, each sent on a virtual thread of its own, whatever the previous
 * ones are doing) or {@link #concurrent} (that many clients, each sending its next request when the previous one
 * answered). Counts what was served, by which copies, and what failed.
 */
final class SteadyLoad implements AutoCloseable {
    private final SageMakerRuntimeClient runtime;
    private final Consumer<InvokeEndpointRequest.Builder> request;
    private final AtomicLong served = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Set<String> copies = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger pacedInFlight = new AtomicInteger();
    private volatile double level;
    private volatile boolean running = true;

    private SteadyLoad(SageMakerRuntimeClient runtime, Consumer<InvokeEndpointRequest.Builder> request, double level) {
        this.runtime = runtime;
        this.request = request;
        this.level = level;
    }

    /** {@code perSecond} requests per real second of {@code body} to {@code component}. */
    static SteadyLoad paced(
            SageMakerRuntimeClient runtime, String endpoint, String component, String body, double perSecond) {
        SteadyLoad load = new SteadyLoad(runtime, invocation(endpoint, component, body), perSecond);
        load.threads.add(Thread.ofVirtual().name("paced-load").start(load::pace));
        return load;
    }

    /** {@code clients} clients sending {@code body} to {@code component} back to back; at most {@code most} later. */
    static SteadyLoad concurrent(
            SageMakerRuntimeClient runtime, String endpoint, String component, String body, int clients, int most) {
        SteadyLoad load = new SteadyLoad(runtime, invocation(endpoint, component, body), clients);
        for (int i = 0; i < most; i++) {
            int client = i;
            load.threads.add(Thread.ofVirtual().name("client-" + i).start(() -> load.loop(client)));
        }
        return load;
    }

    private static Consumer<InvokeEndpointRequest.Builder> invocation(String endpoint, String component, String body) {
        return b -> b.endpointName(endpoint)
                .inferenceComponentName(component)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String(body));
    }

    /** Changes the level: requests per second when paced, active clients when concurrent. */
    void level(double next) {
        level = next;
    }

    long served() {
        return served.get();
    }

    /** Each failed request: when it failed, the exception's class and message. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Keeps the load as it is for {@code duration}. */
    void holdFor(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The copies that served a request so far ({@code X-Stowage-Copy}). */
    Set<String> copiesSeen() {
        return Set.copyOf(copies);
    }

    private void pace() {
        long next = System.nanoTime();
        while (running) {
            double perSecond = level;
            if (perSecond <= 0) {
                pause(Duration.ofMillis(5));
                next = System.nanoTime();
                continue;
            }
            next += (long) (1e9 / perSecond);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                pause(Duration.ofNanos(wait));
            }
            pacedInFlight.incrementAndGet();
            Thread.ofVirtual().start(() -> {
                try {
                    once();
                } finally {
                    pacedInFlight.decrementAndGet();
                }
            });
        }
    }

    private void loop(int client) {
        while (running) {
            if (client >= level) {
                pause(Duration.ofMillis(5));
            } else {
                once();
            }
        }
    }

    private void once() {
        try {
            InvokeEndpointResponse response = runtime.invokeEndpoint(request);
            served.incrementAndGet();
            Optional<String> copy = response.sdkHttpResponse().firstMatchingHeader("X-Stowage-Copy");
            copy.ifPresent(copies::add);
        } catch (RuntimeException e) {
            failures.add(Instant.now() + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops sending and waits (up to 10 s) for the requests in flight, paced ones included, so that the caller may
     * close the runtime client afterwards without failing a request still under way.
     */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pacedInFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            pause(Duration.ofMillis(5));
        }
    }
}
