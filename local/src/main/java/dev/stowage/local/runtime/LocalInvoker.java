package dev.stowage.local.runtime;

import dev.stowage.domain.app.StreamIds;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.metrics.ConcurrencySample;
import dev.stowage.domain.metrics.InvocationRecord;
import dev.stowage.domain.routing.Candidate;
import dev.stowage.domain.routing.Pick;
import dev.stowage.domain.routing.Router;
import dev.stowage.domain.routing.RoutingStrategy;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.functions.runtime.RuntimeError;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.local.fleet.LocalInstanceProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * InvokeEndpoint in local mode: finds the endpoint and the inference component (in the {@link RuntimeDirectory}), picks a serving
 * copy among those on the fleet's hosts with the variant's routing strategy, proxies the request to it over the
 * SageMaker container contract ({@code POST /invocations}) and tells how it ended. A copy being removed gets no
 * new requests; the in-flight count the router reads is the host's own.
 *
 * <p>Each invocation of a known component is published through {@link InvocationMetrics}: model latency is the time
 * spent in the call to the copy, overhead the rest of the time from entering {@link #invoke} to its answer. {@code
 * ConcurrentRequestsPerCopy} is sampled when a request has been taken by a copy (its own request included), from the
 * in-flight counts of every serving copy of the component: it needs no timer, and a component nobody calls has no
 * datapoints, which CloudWatch alarms read as missing data.
 */
public final class LocalInvoker {
    /** Requests one copy takes at once before the router looks elsewhere (about an LLM server's batch). */
    static final int CONCURRENCY_LIMIT = 16;

    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> FORWARDED =
            List.of("Content-Type", "Accept", "X-Amzn-SageMaker-Custom-Attributes");

    private final RuntimeDirectory directory;
    private final LocalInstanceProvider instances;
    private final String account;
    private final InvocationMetrics metrics;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final SplittableRandom seeds = new SplittableRandom(7);

    public LocalInvoker(
            RuntimeDirectory directory, LocalInstanceProvider instances, String account, InvocationMetrics metrics) {
        this.directory = directory;
        this.instances = instances;
        this.account = account;
        this.metrics = metrics;
    }

    /** One invocation; {@code headers} are the request's, by canonical name. */
    public Outcome invoke(
            String endpointName, Optional<String> componentName, byte[] body, Map<String, String> headers) {
        long started = System.nanoTime();
        Optional<EndpointRow> endpoint =
                directory.endpoint(endpointName).filter(e -> e.endpointStatus() != EndpointStatus.DELETING);
        if (endpoint.isEmpty()) {
            return new Outcome.Refused(
                    RuntimeError.endpointNotFound(endpointName, account).message());
        }
        List<ProductionVariant> variants = ProductionVariant.of(endpoint.get().endpointConfig());
        if (variants.stream().noneMatch(ProductionVariant::hostsInferenceComponents)) {
            return new Outcome.Refused("Endpoint " + endpointName + " serves a model directly; Stowage serves"
                    + " invocations of inference components only.");
        }
        if (componentName.isEmpty()) {
            return new Outcome.Refused(RuntimeError.inferenceComponentRequired().message());
        }
        Optional<InferenceComponentRow> component = directory
                .component(componentName.get())
                .filter(ic -> ic.endpointName().equals(endpointName));
        if (component.isEmpty()) {
            return new Outcome.Refused(
                    "Inference component " + componentName.get() + " not found on endpoint " + endpointName + ".");
        }
        String variantName = component.get().variantName();
        RoutingStrategy strategy = variants.stream()
                .filter(v -> v.variantName().equals(variantName))
                .findFirst()
                .flatMap(v -> routing(endpoint.get(), v))
                .orElse(RoutingStrategy.RANDOM);
        return route(new Call(endpointName, variantName, componentName.get(), started), strategy, body, headers);
    }

    /** The component an invocation is for, and when it started ({@link System#nanoTime}). */
    private record Call(String endpoint, String variant, String component, long started) {}

    private Outcome route(Call call, RoutingStrategy strategy, byte[] body, Map<String, String> headers) {
        String component = call.component();
        Map<String, RoutableCopy> copies = new HashMap<>();
        Map<String, String> hostOf = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (InferenceHost host : instances.hosts(StreamIds.fleet(call.endpoint(), call.variant()))) {
            for (RoutableCopy copy : host.copies().serving(component)) {
                copies.put(copy.copyId(), copy);
                hostOf.put(copy.copyId(), host.config().instanceId());
                candidates.add(new Candidate(
                        copy.copyId(),
                        host.config().instanceId(),
                        Candidate.State.SERVING,
                        copy.inFlight(),
                        CONCURRENCY_LIMIT));
            }
        }
        Router router = new Router(strategy, seeds.split());
        for (int attempt = 0; attempt < 3; attempt++) {
            Pick pick = router.pick(candidates);
            switch (pick) {
                case Pick.NoCapacity none -> {
                    unserved(call, InvocationRecord.Kind.NO_CAPACITY, copies.size());
                    return new Outcome.Refused("Inference Component " + component + " has no capacity to process"
                            + " this request. ApplicationAutoScaling may be in-progress (if configured) or try to"
                            + " increase the capacity by invoking UpdateInferenceComponentRuntimeConfig API.");
                }
                case Pick.Saturated full -> {
                    unserved(call, InvocationRecord.Kind.THROTTLED, copies.size());
                    return new Outcome.Throttled("Every copy of " + component + " is serving " + CONCURRENCY_LIMIT
                            + " requests; retry with backoff.");
                }
                case Pick.Routed routed -> {
                    RoutableCopy copy = copies.get(routed.copy().copyId());
                    if (copy.tryAcquire()) {
                        sample(call, copies, hostOf);
                        long modelStarted = System.nanoTime();
                        Outcome outcome;
                        try {
                            outcome = proxy(copy, call.variant(), body, headers);
                        } finally {
                            copy.release();
                        }
                        long modelNanos = System.nanoTime() - modelStarted;
                        served(
                                call,
                                outcome,
                                new InvocationRecord.CopyRef(hostOf.get(copy.copyId()), copy.copyId()),
                                copies.size(),
                                modelNanos);
                        return outcome;
                    }
                    candidates.removeIf(c -> c.copyId().equals(copy.copyId()));
                }
            }
        }
        unserved(call, InvocationRecord.Kind.THROTTLED, copies.size());
        return new Outcome.Throttled("No copy of " + component + " took the request; retry with backoff.");
    }

    private void served(Call call, Outcome outcome, InvocationRecord.CopyRef copy, int serving, long modelNanos) {
        // proxy answers Served or ModelFailed; the other two cannot come from a copy
        InvocationRecord.Kind kind =
                switch (outcome) {
                    case Outcome.ModelFailed failed -> InvocationRecord.Kind.modelError(failed.originalStatusCode());
                    case Outcome.Served served -> InvocationRecord.Kind.SERVED;
                    case Outcome.Refused refused -> InvocationRecord.Kind.MODEL_ERROR_5XX;
                    case Outcome.Throttled throttled -> InvocationRecord.Kind.MODEL_ERROR_4XX;
                };
        long overhead = Math.max(0, System.nanoTime() - call.started() - modelNanos);
        metrics.record(record(
                call, Optional.of(copy), kind, serving, Duration.ofNanos(modelNanos), Duration.ofNanos(overhead)));
    }

    private void unserved(Call call, InvocationRecord.Kind kind, int serving) {
        Duration overhead = Duration.ofNanos(System.nanoTime() - call.started());
        metrics.record(record(call, Optional.empty(), kind, serving, Duration.ZERO, overhead));
    }

    private InvocationRecord record(
            Call call,
            Optional<InvocationRecord.CopyRef> copy,
            InvocationRecord.Kind kind,
            int serving,
            Duration model,
            Duration overhead) {
        return new InvocationRecord(
                call.endpoint(), call.variant(), call.component(), copy, kind, serving, model, overhead, now());
    }

    private void sample(Call call, Map<String, RoutableCopy> copies, Map<String, String> hostOf) {
        List<ConcurrencySample.CopyLoad> loads = copies.values().stream()
                .map(c -> new ConcurrencySample.CopyLoad(hostOf.get(c.copyId()), c.copyId(), c.inFlight()))
                .toList();
        metrics.sample(new ConcurrencySample(call.endpoint(), call.variant(), call.component(), loads, now()));
    }

    private Instant now() {
        return metrics.now();
    }

    private Outcome proxy(RoutableCopy copy, String variantName, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(copy.baseUrl() + "/invocations"))
                .timeout(MODEL_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        FORWARDED.forEach(name -> {
            String value = headers.get(name);
            if (value != null) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                return new Outcome.ModelFailed(
                        response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            Map<String, String> shown = new HashMap<>();
            response.headers().firstValue("Content-Type").ifPresent(v -> shown.put("Content-Type", v));
            response.headers()
                    .firstValue("X-Amzn-SageMaker-Custom-Attributes")
                    .ifPresent(v -> shown.put("X-Amzn-SageMaker-Custom-Attributes", v));
            return new Outcome.Served(response.body(), shown, variantName, copy.copyId());
        } catch (IOException e) {
            return new Outcome.ModelFailed(502, "The copy " + copy.copyId() + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.ModelFailed(504, "Interrupted while waiting for " + copy.copyId());
        }
    }

    private static Optional<RoutingStrategy> routing(EndpointRow endpoint, ProductionVariant variant) {
        return endpoint.endpointConfig().at("ProductionVariants").flatMap(list -> {
            for (var v : list) {
                if (v.path("VariantName").asText().equals(variant.variantName())) {
                    return RoutingStrategy.fromWireName(
                            v.path("RoutingConfig").path("RoutingStrategy").asText());
                }
            }
            return Optional.empty();
        });
    }
}
