package dev.stowage.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What became of the requests of a run: how many succeeded, how many failed and how, and the longest success. */
final class Outcomes {
    private final AtomicLong ok = new AtomicLong();
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private final AtomicLong longestNanos = new AtomicLong();

    void succeeded(long nanos) {
        ok.incrementAndGet();
        longestNanos.accumulateAndGet(nanos, Math::max);
    }

    void failed(RuntimeException e) {
        String kind = e instanceof AwsServiceException aws
                ? aws.getClass().getSimpleName() + " " + aws.statusCode()
                : e.getClass().getSimpleName();
        failures.merge(kind, 1L, Long::sum);
    }

    long ok() {
        return ok.get();
    }

    long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    long sent() {
        return ok() + failed();
    }

    /** Failures by kind ({@code ValidationErrorException 400}), sorted. */
    Map<String, Long> failures() {
        return new TreeMap<>(failures);
    }

    /** The longest a successful request took, in real nanoseconds. */
    long longestNanos() {
        return longestNanos.get();
    }
}
