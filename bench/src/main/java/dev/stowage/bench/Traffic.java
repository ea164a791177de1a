package dev.stowage.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleUnaryOperator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;

/**
 * Open-loop traffic to one inference component: requests evenly spaced at a rate that is a function of simulated time
 * (requests per simulated minute; 0 is idle), each sent on its own virtual thread whatever the others do, through the
 * real SDK client. Optionally every request asks to wait for capacity ({@code X-Stowage-Wait-For-Capacity}).
 */
final class Traffic implements AutoCloseable {
    static final String WAIT_HEADER = "X-Stowage-Wait-For-Capacity";

    private final AutoscalingLab lab;
    private final String endpoint;
    private final String component;
    private final int tokens;
    private final Duration waitForCapacity;
    private final Outcomes outcomes = new Outcomes();
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopped;
    private final Thread pacer;

    /**
     * Starts sending to {@code component} at {@code perMinute.applyAsDouble(simulated seconds since the clock's origin)}
     * requests per simulated minute, each for {@code tokens} tokens; {@code waitForCapacity} (simulated) is sent as the
     * header when positive.
     */
    Traffic(
            AutoscalingLab lab,
            SimulatedTime clock,
            String endpoint,
            String component,
            int tokens,
            Duration waitForCapacity,
            DoubleUnaryOperator perMinute) {
        this.lab = lab;
        this.endpoint = endpoint;
        this.component = component;
        this.tokens = tokens;
        this.waitForCapacity = waitForCapacity;
        this.pacer = Thread.ofPlatform().name("traffic-" + component).start(() -> pace(clock, perMinute));
    }

    private void pace(SimulatedTime clock, DoubleUnaryOperator perMinute) {
        Duration idleCheck = clock.real(Duration.ofSeconds(1));
        long next = System.nanoTime();
        while (!stopped) {
            double rate = perMinute.applyAsDouble(clock.seconds(Instant.now()));
            if (rate <= 0) {
                LockSupport.parkNanos(Math.max(100_000, idleCheck.toNanos()));
                next = System.nanoTime();
                continue;
            }
            long gap = clock.real(Duration.ofNanos((long) (60e9 / rate))).toNanos();
            next += gap;
            long wait;
            while ((wait = next - System.nanoTime()) > 0 && !stopped) {
                LockSupport.parkNanos(wait);
            }
            if (!stopped) {
                requests.execute(this::send);
            }
        }
    }

    private void send() {
        long start = System.nanoTime();
        try {
            lab.runtime().invokeEndpoint(request());
            outcomes.succeeded(System.nanoTime() - start);
        } catch (RuntimeException e) {
            outcomes.failed(e);
        }
    }

    private InvokeEndpointRequest request() {
        InvokeEndpointRequest.Builder b = InvokeEndpointRequest.builder()
                .endpointName(endpoint)
                .inferenceComponentName(component)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String("{\"max_new_tokens\": " + tokens + "}"));
        if (waitForCapacity.isPositive()) {
            // the header is read in real seconds: the client's own patience, not a simulated timer
            double seconds = waitForCapacity.toNanos() / 1e9 / lab.timeScale();
            b.overrideConfiguration(o -> o.putHeader(WAIT_HEADER, String.format(Locale.ROOT, "%.3f", seconds)));
        }
        return b.build();
    }

    Outcomes outcomes() {
        return outcomes;
    }

    /** Stops sending and waits for the requests in flight to finish. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        pacer.join();
        requests.shutdown();
        if (!requests.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(
                    "requests to " + component + " still running 5 minutes after the load stopped");
        }
    }
}
