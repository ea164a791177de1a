package dev.stowage.host.serving;

import dev.stowage.domain.metrics.ConcurrencySample;
import dev.stowage.domain.metrics.InvocationRecord;
import dev.stowage.domain.routing.AdapterKey;
import dev.stowage.domain.routing.Candidate;
import dev.stowage.domain.routing.Pick;
import dev.stowage.domain.routing.PrefixKey;
import dev.stowage.domain.routing.Router;
import dev.stowage.domain.routing.RoutingStrategy;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.trust.PeerSigner;
import dev.stowage.host.trust.SessionTokens;
import dev.stowage.wire.runtime.InvocationRequest;
import dev.stowage.wire.runtime.RuntimeError;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The runtime API's router, one per host (and one in local mode's front door): finds the invoked component
 * ({@link Target}), picks a copy among this host's and its peers' with the variant's routing strategy, sends the
 * request to it and answers as SageMaker does ({@link Replies}).
 *
 * <p>Outstanding requests are exact for this host's copies and estimated for peers' ({@link LoadBoard}, ADR 11).
 * A copy takes at most {@link ServingSettings#concurrencyLimit()} requests (or its component's {@link
 * Target#concurrencyLimit()}); when every copy is full a request waits
 * up to {@link ServingSettings#queueTimeout()} in a queue of at most one more batch per copy, and is throttled (429)
 * when the queue is full or the wait is over; a request that may wait for capacity ({@link CapacityWait}) waits for a
 * free copy as long as it would wait for a first one, as the burst that scaled its component out from zero may fill
 * that copy at once. A copy that refuses (draining, gone, full by a race) is skipped and another one picked; when every
 * copy refused, the router reads the directory again for up to {@link #REFUSED_RETRY} before it answers that there is
 * no capacity, so a scale-in fails no request. When the variant routes by Stowage's {@code STOWAGE_PREFIX_AWARE},
 * the pick also weighs the request's prefix key ({@link PromptPrefix}, ADR 29). A request of a stateful session goes
 * to its session's copy only, within that copy's limit and queue ({@link Sessions}, ADR 31). An adapter inference
 * component is served by its base's copies that have it loaded ({@link AdapterRouting}, ADR 30), its requests kept
 * together on its top-ranked copy within the load bound under LOR and prefix-aware routing (ADR 32).
 */
public final class InvocationService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InvocationService.class.getName());
    private static final Duration QUEUE_POLL = Duration.ofMillis(2);
    private static final Duration CAPACITY_POLL = Duration.ofMillis(20);
    /**
     * How long a request whose every listed copy refused it keeps reading the directory again: a copy removed by a
     * scale-in or moved by a rollout refuses while the directory may still list it, and not yet its replacement, for
     * up to its freshness (1 s on AWS, a stream poll locally). Only then is there truly no capacity.
     */
    private static final Duration REFUSED_RETRY = Duration.ofSeconds(3);

    private final String instanceId;
    private final CopyTable copies;
    private final RoutingDirectory directory;
    private final InvocationMetrics metrics;
    private final ServingSettings settings;
    private final PeerSigner signer;
    private final LoadBoard board = new LoadBoard();
    private final CopyClient client = new CopyClient();
    private final Watchdog watchdog = new Watchdog();
    private final Replies replies;
    private final Sessions sessions;
    private final SplittableRandom seeds = new SplittableRandom();
    private final Map<String, AtomicInteger> queued = new ConcurrentHashMap<>();

    /**
     * @param instanceId the instance this router runs on ("" for a router with no copies of its own)
     * @param copies the copies loaded on this instance
     * @param signer signs the requests sent to peers' copies (ADR 23)
     */
    public InvocationService(
            String instanceId,
            CopyTable copies,
            RoutingDirectory directory,
            InvocationMetrics metrics,
            ServingSettings settings,
            PeerSigner signer) {
        this.instanceId = instanceId;
        this.copies = copies;
        this.directory = directory;
        this.metrics = metrics;
        this.settings = settings;
        this.signer = signer;
        this.sessions = new Sessions(new SessionTokens(signer.keys()), Clock.systemUTC());
        this.replies = new Replies(watchdog, metrics, settings, sessions);
    }

    /** What this router believes about its peers' copies; gossip and forwarded answers keep it current. */
    LoadBoard board() {
        return board;
    }

    /**
     * Serves one invocation; never throws. {@code waitForCapacity} is what the caller asked ({@value
     * CapacityWait#HEADER}); without it, the component's own default. When the control plane cannot be read the
     * answer is {@code InternalFailure} (500), which the SDKs retry.
     */
    public RuntimeResponse invoke(InvocationRequest request, String requestId, Optional<Duration> waitForCapacity) {
        try {
            return resolveAndRoute(request, requestId, waitForCapacity);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "invocation " + requestId + " failed", e);
            return RuntimeResponse.error(
                    RuntimeError.internalFailure("Stowage could not route the request; retry it."), requestId);
        }
    }

    private RuntimeResponse resolveAndRoute(
            InvocationRequest request, String requestId, Optional<Duration> waitForCapacity) {
        long started = System.nanoTime();
        return switch (Target.resolve(
                directory, request.endpointName(), Optional.ofNullable(request.inferenceComponentName()))) {
            case Target.Refused refused -> RuntimeResponse.error(refused.error(), requestId);
            case Target.Found found -> {
                Sessions.Binding session = sessions.bind(request, found.target());
                if (session instanceof Sessions.Refused refused) {
                    yield RuntimeResponse.error(refused.error(), requestId);
                }
                yield route(new Call(
                        found.target(),
                        request,
                        requestId,
                        started,
                        waitForCapacity.orElse(found.target().waitForCapacity()),
                        found.target().concurrencyLimit().orElse(settings.concurrencyLimit()),
                        session));
            }
        };
    }

    private RuntimeResponse route(Call call) {
        Target target = call.target();
        Router router = new Router(target.strategy(), nextRandom());
        @Nullable AdapterKey adapter = AdapterRouting.key(target);
        @Nullable
        PrefixKey prefix = target.strategy() == RoutingStrategy.PREFIX_AWARE && adapter == null
                ? PromptPrefix.key(call.request().body(), router.affinity().depth())
                        .orElse(null)
                : null;
        Set<String> refused = new HashSet<>();
        long queueDeadline = 0;
        boolean inQueue = false;
        boolean demanded = false;
        RefusedRetry refusals = new RefusedRetry(REFUSED_RETRY, CAPACITY_POLL);
        try {
            while (true) {
                Map<String, Slot> slots = call.session().restrict(slots(target, refused));
                List<Candidate> candidates = new ArrayList<>();
                slots.values().forEach(slot -> candidates.add(slot.candidate(call.limit())));
                switch (router.pick(candidates, adapter, prefix)) {
                    case Pick.NoCapacity none -> {
                        if (!refused.isEmpty() && refusals.tryAgain()) {
                            refused.clear();
                            continue;
                        }
                        if (call.session() instanceof Sessions.Pinned pinned) {
                            return RuntimeResponse.error(pinned.gone(), call.requestId());
                        }
                        if (!call.mayStillWaitForCapacity()) {
                            return unserved(call, InvocationRecord.Kind.NO_CAPACITY, slots.size(), noCapacity(target));
                        }
                        if (!demanded) {
                            directory.waiting(target.endpoint(), target.variant(), target.component());
                            demanded = true;
                        }
                        sleep(CAPACITY_POLL);
                        refused.clear();
                    }
                    case Pick.Saturated full -> {
                        if (call.mayStillWaitForCapacity()) {
                            sleep(QUEUE_POLL);
                            refused.clear();
                            continue;
                        }
                        if (!inQueue) {
                            if (!enterQueue(target.component(), slots.size() * call.limit())) {
                                return unserved(call, InvocationRecord.Kind.THROTTLED, slots.size(), throttled(call));
                            }
                            inQueue = true;
                            queueDeadline =
                                    System.nanoTime() + settings.queueTimeout().toNanos();
                        }
                        if (System.nanoTime() - queueDeadline > 0) {
                            return unserved(call, InvocationRecord.Kind.THROTTLED, slots.size(), throttled(call));
                        }
                        sleep(QUEUE_POLL);
                        refused.clear();
                    }
                    case Pick.Routed routed -> {
                        Slot slot = slots.get(routed.copy().copyId());
                        Slot.Lease lease = slot.acquire(call.limit());
                        if (lease == null) {
                            refused.add(slot.copyId());
                            continue;
                        }
                        if (inQueue) {
                            leaveQueue(target.component());
                            inQueue = false;
                        }
                        sample(call, slots.values());
                        Optional<RuntimeResponse> reply = send(call, slot, lease, slots.size());
                        if (reply.isPresent()) {
                            return reply.get();
                        }
                        refused.add(slot.copyId());
                    }
                }
            }
        } finally {
            if (inQueue) {
                leaveQueue(target.component());
            }
        }
    }

    /** The answer of the copy, or empty when its host refused the request (pick another). */
    private Optional<RuntimeResponse> send(Call call, Slot slot, Slot.Lease lease, int serving) {
        if (slot instanceof Slot.Own own
                && call.session() instanceof Sessions.Pinned pinned
                && Sessions.closedOn(own.copy(), pinned.containerHeader())) {
            lease.release();
            return Optional.of(RuntimeResponse.error(pinned.closed(), call.requestId()));
        }
        long sent = System.nanoTime();
        Duration timeout = Duration.ofNanos(call.deadline(settings, sent) - sent);
        CopyClient.Answer answer;
        try {
            answer = client.post(slot.uri(call.limit()), call.request().body(), headers(call, slot), timeout);
        } catch (HttpTimeoutException e) {
            lease.release();
            return Optional.of(replies.timedOut(call, slot, serving, sent));
        } catch (IOException e) {
            lease.release();
            return slot instanceof Slot.Peer
                    ? Optional.empty()
                    : Optional.of(replies.unreachable(call, slot, serving, sent, e));
        } catch (InterruptedException e) {
            lease.release();
            Thread.currentThread().interrupt();
            return Optional.of(RuntimeResponse.error(RuntimeError.internalFailure("Interrupted."), call.requestId()));
        }
        String loads = CopyClient.header(answer.headers(), CopyLoads.HEADER);
        if (loads != null) {
            board.reportAll(CopyLoads.parse(loads));
        }
        String refusal = CopyClient.header(answer.headers(), PeerForwarding.REFUSED_HEADER);
        if (refusal != null) {
            lease.release();
            Replies.closeQuietly(answer.body());
            return call.session() instanceof Sessions.Pinned pinned && refusal.equals(Sessions.CLOSED_REFUSAL)
                    ? Optional.of(RuntimeResponse.error(pinned.closed(), call.requestId()))
                    : Optional.empty();
        }
        if (slot instanceof Slot.Own own) {
            Sessions.noteClosed(own.copy(), answer.headers());
        }
        return Optional.of(replies.of(call, slot, lease, answer, serving, sent));
    }

    private Map<String, Slot> slots(Target target, Set<String> refused) {
        Map<String, Slot> slots = new LinkedHashMap<>();
        copies.serving(target.component()).forEach(copy -> slots.put(copy.copyId(), new Slot.Own(copy, instanceId)));
        for (RoutingDirectory.PeerCopy peer :
                directory.copies(target.endpoint(), target.variant(), target.component())) {
            if (!peer.instanceId().equals(instanceId)) {
                slots.putIfAbsent(peer.copyId(), new Slot.Peer(peer, board));
            }
        }
        refused.forEach(slots::remove);
        return slots;
    }

    /** The caller's headers a copy sees; to a peer's copy, signed as this deployment's host. */
    private Map<String, String> headers(Call call, Slot slot) {
        Map<String, String> headers = forwarded(call.request());
        AdapterRouting.tell(call.target(), headers);
        put(headers, Sessions.SESSION_HEADER, call.session().containerHeader());
        if (slot instanceof Slot.Peer) {
            headers.put(
                    PeerSigner.HEADER,
                    signer.sign("POST", slot.uri(call.limit()), call.request().body()));
        }
        return headers;
    }

    private static Map<String, String> forwarded(InvocationRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "Content-Type", request.contentType());
        put(headers, "Accept", request.accept());
        put(headers, "X-Amzn-SageMaker-Custom-Attributes", request.customAttributes());
        return headers;
    }

    private static void put(Map<String, String> headers, String name, @Nullable String v) {
        if (v != null) {
            headers.put(name, v);
        }
    }

    /** Joins the component's queue unless it already holds {@code room} requests (one batch per copy). */
    private boolean enterQueue(String component, int room) {
        AtomicInteger waiting = queued.computeIfAbsent(component, c -> new AtomicInteger());
        room = Math.max(1, room);
        if (waiting.incrementAndGet() > room) {
            waiting.decrementAndGet();
            return false;
        }
        return true;
    }

    private void leaveQueue(String component) {
        queued.get(component).decrementAndGet();
    }

    private RuntimeResponse unserved(Call call, InvocationRecord.Kind kind, int serving, RuntimeError error) {
        metrics.record(call.record(Optional.empty(), kind, serving, Duration.ZERO, call.elapsed(), metrics.now()));
        return RuntimeResponse.error(error, call.requestId());
    }

    /**
     * Samples the component's copies on this host into {@code ConcurrentRequestsPerCopy}, from their exact in-flight
     * counts. Peers' copies are left to their hosts, which sample a request when they take it ({@link
     * PeerForwarding}): this router's estimates of them ({@link LoadBoard}) may run ahead of the truth for a moment,
     * and a metric that alarms read must not.
     */
    private void sample(Call call, Collection<Slot> slots) {
        List<ConcurrencySample.CopyLoad> loads = slots.stream()
                .filter(s -> s instanceof Slot.Own)
                .map(s -> new ConcurrencySample.CopyLoad(s.instanceId(), s.copyId(), s.outstanding()))
                .toList();
        Target t = call.target();
        metrics.sample(new ConcurrencySample(t.endpoint(), t.variant(), t.component(), loads, metrics.now()));
    }

    private RuntimeError noCapacity(Target target) {
        return RuntimeError.validation("Inference Component " + target.component() + " has no capacity to process"
                + " this request. ApplicationAutoScaling may be in-progress (if configured) or try to increase the"
                + " capacity by invoking UpdateInferenceComponentRuntimeConfig API.");
    }

    private static RuntimeError throttled(Call call) {
        return RuntimeError.throttled("Every copy of " + call.target().component() + " is serving " + call.limit()
                + " requests and the queue is full; retry with backoff.");
    }

    private synchronized SplittableRandom nextRandom() {
        return seeds.split();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        client.close();
        watchdog.close();
    }
}
