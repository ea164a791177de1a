package dev.stowage.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.fleet.CopyAdapter;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.runtime.CopyLog;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The adapter inference components in one copy's runtime, kept to what its assignment lists, through the container's
 * adapter API as SageMaker's model hosting container standard has LMI and vLLM expose it (ADR 30): {@code POST
 * /adapters} with {@code {"name": <adapter component>, "src": <its Container.ArtifactUrl>}} to load one (again, with the
 * new source, when the adapter's specification changed: the runtime keeps serving the old one until the new one is in,
 * make before break), {@code DELETE /adapters/{name}} to unload one no longer listed, after routing to it has stopped.
 * Each adapter loaded at the listed specification and not yet known to the fleet is reported, and so is each one
 * unloaded (until the report is taken); a failed load is logged and tried again at the next round. Not safe for
 * concurrent {@link #sync}s: its {@link CopyRun} runs one at a time.
 */
final class CopyAdapters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String copyId;
    private final CopyLog log;
    private final Duration timeout;
    private final Map<String, Instant> loaded = new ConcurrentHashMap<>();
    private final Set<String> unreported = ConcurrentHashMap.newKeySet();
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    /** Tries in a row that failed before an adapter's load is reported failed (and no more tried at that specification). */
    static final int FAILURES_BEFORE_REPORT = 3;

    /** The failed loads of an adapter at one specification; {@code reported} once the fleet took the failure. */
    private record Attempts(Instant specifiedAt, int failed, boolean reported) {}

    /** What the fleet is told; each answers whether the control plane took it. */
    interface Reports {
        boolean loaded(CopyAdapter adapter);

        boolean failed(CopyAdapter adapter, String reason);

        boolean unloaded(String adapterName);
    }

    CopyAdapters(String copyId, CopyLog log, Duration timeout) {
        this.copyId = copyId;
        this.log = log;
        this.timeout = timeout;
    }

    /**
     * Makes the runtime at {@code baseUrl} hold exactly {@code wanted}; {@code routable} (once the copy serves) learns
     * each adapter loaded and forgets each one about to be unloaded; {@code reports} hears of each adapter loaded at
     * its listed specification that the fleet does not know of yet, and of each one unloaded.
     */
    void sync(URI baseUrl, List<CopyAdapter> wanted, @Nullable RoutableCopy routable, Reports reports)
            throws InterruptedException {
        Set<String> names = new HashSet<>();
        for (CopyAdapter adapter : wanted) {
            names.add(adapter.adapterName());
            if (!adapter.specifiedAt().equals(loaded.get(adapter.adapterName()))) {
                Attempts before = attempts.get(adapter.adapterName());
                if (before != null && !before.specifiedAt().equals(adapter.specifiedAt())) {
                    before = null;
                }
                if (before != null && before.reported()) {
                    continue; // failed for good at this specification: an update brings a new one
                }
                Optional<String> failure = register(baseUrl, adapter);
                if (failure.isPresent()) {
                    int failed = before == null ? 1 : before.failed() + 1;
                    boolean reported = failed >= FAILURES_BEFORE_REPORT && reports.failed(adapter, failure.get());
                    attempts.put(adapter.adapterName(), new Attempts(adapter.specifiedAt(), failed, reported));
                    continue;
                }
                attempts.remove(adapter.adapterName());
                loaded.put(adapter.adapterName(), adapter.specifiedAt());
            }
            if (routable != null) {
                routable.adapterLoaded(adapter.adapterName());
            }
            unreported.remove(adapter.adapterName());
            if (!adapter.reported()) {
                reports.loaded(adapter);
            }
        }
        for (String name : Set.copyOf(loaded.keySet())) {
            if (!names.contains(name)) {
                if (routable != null) {
                    routable.adapterGone(name);
                }
                if (unregister(baseUrl, name)) {
                    loaded.remove(name);
                    unreported.add(name);
                }
            }
        }
        unreported.removeIf(reports::unloaded);
    }

    /** The adapters the runtime has loaded, with the specification each was loaded at. */
    Map<String, Instant> loaded() {
        return Map.copyOf(loaded);
    }

    /** Empty once registered, else why not. */
    private Optional<String> register(URI baseUrl, CopyAdapter adapter) throws InterruptedException {
        String body = JSON.createObjectNode()
                .put("name", adapter.adapterName())
                .put("src", adapter.artifactUrl())
                .toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/adapters"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request, "load adapter " + adapter.adapterName() + " from " + adapter.artifactUrl());
    }

    private boolean unregister(URI baseUrl, String name) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/adapters/" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .timeout(timeout)
                .DELETE()
                .build();
        return send(request, "unload adapter " + name).isEmpty();
    }

    /** Empty when the container took the request (a DELETE of what it does not have included), else why not. */
    private Optional<String> send(HttpRequest request, String what) throws InterruptedException {
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            boolean done =
                    answer.statusCode() / 100 == 2 || (request.method().equals("DELETE") && answer.statusCode() == 404);
            if (done) {
                log.line(what + " in " + copyId + ": " + answer.statusCode());
                return Optional.empty();
            }
            String why = request.method() + " " + request.uri().getPath() + " answered " + answer.statusCode() + ": "
                    + answer.body();
            log.line("could not " + what + " in " + copyId + ": " + why);
            return Optional.of(why);
        } catch (IOException e) {
            log.line("could not " + what + " in " + copyId + ": " + e);
            return Optional.of(request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage());
        }
    }
}
