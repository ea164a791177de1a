package dev.stowage.bench;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Attributes DynamoDB requests to the API operation whose handler made them. The handler wrapper names the
 * operation on its thread ({@link #during}); the interceptor, installed on the DynamoDB client the application
 * uses, counts and times every request against the operation named on the calling thread (SDK v2 sync clients run
 * interceptors on the caller's thread). Requests made outside any operation (the stream-driven projector) count
 * as {@value #BACKGROUND}. Thread-safe.
 */
final class Probe implements ExecutionInterceptor {
    static final String BACKGROUND = "(background projector)";

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");

    private final ThreadLocal<@Nullable String> current = new ThreadLocal<>();
    private final Map<String, Totals> totals = new ConcurrentHashMap<>();

    /** What one operation cost so far: calls, time inside them, and the DynamoDB requests they made. */
    static final class Totals {
        final LongAdder calls = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder dynamoDbNanos = new LongAdder();
        final Map<String, LongAdder> dynamoDbRequests = new ConcurrentHashMap<>();
        final Map<String, LongAdder> dynamoDbNanosByRequest = new ConcurrentHashMap<>();

        long dynamoDbRequestCount() {
            return dynamoDbRequests.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Map<String, Long> dynamoDbRequestsByName() {
            Map<String, Long> byName = new TreeMap<>();
            dynamoDbRequests.forEach((name, count) -> byName.put(name, count.sum()));
            return byName;
        }
    }

    /** Runs {@code work} as {@code operation}: its time and its DynamoDB requests are added to that operation. */
    <T> T during(String operation, Supplier<T> work) {
        String outer = current.get();
        current.set(operation);
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            Totals t = totals(operation);
            t.calls.increment();
            t.nanos.add(System.nanoTime() - start);
            current.set(outer);
        }
    }

    /** The totals of every operation seen since the last {@link #reset}. */
    Map<String, Totals> snapshot() {
        return new TreeMap<>(totals);
    }

    void reset() {
        totals.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    private void record(ExecutionAttributes attributes) {
        String operation = current.get();
        Totals t = totals(operation == null ? BACKGROUND : operation);
        Long started = attributes.getAttribute(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        t.dynamoDbNanos.add(nanos);
        String request = Objects.requireNonNullElse(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), "?");
        t.dynamoDbRequests.computeIfAbsent(request, name -> new LongAdder()).increment();
        t.dynamoDbNanosByRequest
                .computeIfAbsent(request, name -> new LongAdder())
                .add(nanos);
    }

    private Totals totals(String operation) {
        return totals.computeIfAbsent(operation, name -> new Totals());
    }
}
