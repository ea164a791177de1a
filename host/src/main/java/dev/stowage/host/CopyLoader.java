package dev.stowage.host;

import dev.stowage.host.copies.ArtifactFetcher;
import dev.stowage.host.http.FreePort;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.host.runtime.Launch;
import dev.stowage.host.runtime.ModelRuntime;
import dev.stowage.host.runtime.RunningModel;
import dev.stowage.host.runtime.RuntimeCatalog;
import dev.stowage.host.runtime.UnsupportedImageException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Loads one copy: reads its specification, picks the runtime for its image, fetches its artifact within {@code
 * ModelDataDownloadTimeoutInSeconds}, starts the runtime on a free loopback port with the copy's devices and
 * environment, and polls {@code GET /ping} until 200 or {@code ContainerStartupHealthCheckTimeoutInSeconds} has
 * passed (both scaled). Every failure becomes a {@link LoadOutcome.Failed} with a reason; a runtime that was
 * started and then failed is stopped. Interrupting the calling thread abandons the load.
 */
final class CopyLoader {
    private static final String NO_ANSWER = "no answer in time";
    private final HostConfig config;
    private final RuntimeCatalog runtimes;
    private final ArtifactFetcher artifacts;
    private final HttpClient http;

    CopyLoader(HostConfig config, RuntimeCatalog runtimes) {
        this.config = config;
        this.runtimes = runtimes;
        this.artifacts = new ArtifactFetcher(config.artifacts(), config.workDir());
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    LoadOutcome load(Assignment copy, CopyLog log, Consumer<String> progress) throws InterruptedException {
        CopySpec spec;
        ModelRuntime runtime;
        try {
            spec = CopySpec.from(copy.specification());
            runtime = runtimes.forImage(spec.image(), spec.environment());
        } catch (IllegalArgumentException | UnsupportedImageException e) {
            return failed(log, e.getMessage());
        }
        Launch.CopyIdentity identity = new Launch.CopyIdentity(
                config.endpointName(),
                config.variantName(),
                config.instanceId(),
                copy.inferenceComponentName(),
                copy.copyId(),
                spec.digest());
        Optional<RunningModel> adopted = runtime.adopt(identity, log);
        if (adopted.isPresent()) {
            log.line("adopted the running container of " + copy.copyId());
            return awaitPing(
                    adopted.get(), spec, log, Stopwatch.start(), true, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        Duration downloadTimeout = config.scaled(spec.modelDataDownloadTimeout());
        Stopwatch phase = Stopwatch.start();
        try {
            runtime.prepare(spec.image(), downloadTimeout, progress, log);
        } catch (IOException e) {
            return failed(log, e.getMessage());
        } catch (TimeoutException e) {
            return failed(
                    log,
                    "The image " + spec.image() + " was not pulled within "
                            + spec.modelDataDownloadTimeout().toSeconds() + " seconds.");
        }
        Duration image = phase.lap();
        @Nullable Path artifactDir = null;
        if (spec.artifactUrl().isPresent()) {
            String url = spec.artifactUrl().get();
            try {
                artifactDir =
                        fetch(spec.caching() ? ArtifactFetcher.cacheKey(url) : copy.copyId(), url, downloadTimeout);
                log.line("artifact " + url + " at " + artifactDir);
            } catch (IOException e) {
                return failed(log, "Could not fetch the model artifact: " + e.getMessage());
            } catch (TimeoutException e) {
                return failed(
                        log,
                        "The model artifact " + url + " was not downloaded within "
                                + spec.modelDataDownloadTimeout().toSeconds() + " seconds.");
            }
        }
        Duration artifact = phase.lap();
        Map<String, String> environment = new HashMap<>(config.capacity().visibility(copy.deviceIndices()));
        environment.putAll(spec.environment());
        environment.put(RuntimeCatalog.copyIdVariable(), copy.copyId());
        Launch launch = new Launch(
                identity,
                spec.image(),
                FreePort.onLoopback(),
                environment,
                artifactDir,
                new Launch.Compute(copy.milliCores(), copy.memoryMib(), spec.maxMemoryMib()),
                new Launch.Devices(copy.deviceIndices(), config.capacity().deviceKind()),
                spec.caching(),
                log);
        RunningModel model;
        try {
            model = runtime.start(launch);
        } catch (IOException | RuntimeException e) {
            return failed(log, "The runtime for " + spec.image() + " did not start: " + e.getMessage());
        }
        Duration start = phase.lap();
        try {
            return awaitPing(model, spec, log, phase, false, image, artifact, start);
        } catch (InterruptedException e) {
            model.stop(Duration.ZERO);
            throw e;
        }
    }

    /** Lets go of what a stopped copy kept on the host: its own artifact folder (a cached one stays). */
    void release(String copyId) {
        artifacts.discard(copyId);
    }

    private Path fetch(String key, String url, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        CompletableFuture<Path> fetched = new CompletableFuture<>();
        Thread fetcher = Thread.ofVirtual().name("fetch-" + key).start(() -> {
            try {
                fetched.complete(artifacts.fetch(key, url));
            } catch (IOException | RuntimeException e) {
                fetched.completeExceptionally(e);
            }
        });
        try {
            return fetched.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io
                    ? io
                    : new IOException(e.getCause().getMessage(), e);
        } finally {
            fetcher.interrupt();
        }
    }

    private LoadOutcome awaitPing(
            RunningModel model,
            CopySpec spec,
            CopyLog log,
            Stopwatch phase,
            boolean adopted,
            Duration image,
            Duration artifact,
            Duration start)
            throws InterruptedException {
        long deadline = System.nanoTime()
                + config.scaled(spec.startupHealthCheckTimeout()).toNanos();
        URI ping = model.baseUrl().resolve("/ping");
        Duration interval = config.scaled(config.pingInterval());
        String lastAnswer = NO_ANSWER;
        while (true) {
            if (model.exited().isPresent()) {
                model.stop(Duration.ZERO);
                return failed(log, model.exited().get() + " It never passed the health check (GET /ping).");
            }
            long remaining = deadline - System.nanoTime();
            String answer = ping(ping, Duration.ofNanos(Math.max(remaining, 1_000_000)));
            // A ping cut short by the deadline says less than the answer before it.
            lastAnswer = answer.equals(NO_ANSWER) ? lastAnswer : answer;
            if ("200".equals(lastAnswer)) {
                ColdStart coldStart = new ColdStart(image, artifact, start, phase.lap(), adopted);
                log.line("GET /ping answered 200: loaded (" + coldStart + ")");
                return new LoadOutcome.Loaded(model, coldStart);
            }
            if (deadline - System.nanoTime() <= 0) {
                model.stop(Duration.ZERO);
                return failed(
                        log,
                        "The container did not pass the health check (GET /ping) within "
                                + spec.startupHealthCheckTimeout().toSeconds() + " seconds (last answer: "
                                + lastAnswer + ").");
            }
            Thread.sleep(min(interval, Duration.ofNanos(deadline - System.nanoTime())));
        }
    }

    private String ping(URI uri, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(min(timeout, Duration.ofSeconds(5)))
                .GET()
                .build();
        try {
            return String.valueOf(
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return NO_ANSWER;
        } catch (IOException e) {
            return "no connection";
        }
    }

    private static Duration min(Duration a, Duration b) {
        Duration smaller = a.compareTo(b) <= 0 ? a : b;
        return smaller.isNegative() ? Duration.ZERO : smaller;
    }

    private static LoadOutcome failed(CopyLog log, String reason) {
        log.line("failed: " + reason);
        return new LoadOutcome.Failed(reason);
    }

    /** Lets go of the health-check client; loads still under way fail. */
    void close() {
        http.shutdownNow();
    }
}
