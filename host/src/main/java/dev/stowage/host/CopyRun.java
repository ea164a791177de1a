package dev.stowage.host;

import dev.stowage.domain.fleet.CopyAdapter;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.logs.CopyLogSink;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.host.runtime.RunningModel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The life of one copy on this host: loading, loaded (in the {@link CopyTable}) or failed, then stopping and
 * stopped. Loading and stopping each run on their own virtual thread; a stop abandons a load still under way.
 * {@link #report()} sends the report the current phase calls for, so the reconcile loop can repeat it until the
 * control plane has taken it (every report is idempotent). The copy's adapters ({@link CopyAdapters}) are loaded
 * before it is reported loaded and takes requests, so it never serves its base without them, and kept to what each
 * round lists afterwards.
 */
final class CopyRun {
    enum Phase {
        LOADING,
        LOADED,
        FAILED,
        STOPPING,
        STOPPED
    }

    private final Assignment copy;
    private final CopyLog log;
    private final CopyLogSink.Following shipping;
    private final HostServices services;
    private final Progress progress;
    private @Nullable ColdStart coldStart;
    private Phase phase = Phase.LOADING;
    private boolean reportRemoval;
    private @Nullable RunningModel model;
    private @Nullable String failure;
    private @Nullable Thread loader;
    private @Nullable Thread stopper;
    private final CopyAdapters adapters;
    private volatile List<CopyAdapter> wantedAdapters;
    private @Nullable Thread adapterSync;

    CopyRun(Assignment copy, CopyLog log, CopyLogSink.Following shipping, HostServices services) {
        this.copy = copy;
        this.log = log;
        this.shipping = shipping;
        this.services = services;
        this.progress = new Progress(log);
        this.adapters = new CopyAdapters(copy.copyId(), log, ADAPTER_TIMEOUT);
        this.wantedAdapters = copy.adapters();
    }

    /** How long a runtime may take to load or unload one adapter. */
    private static final Duration ADAPTER_TIMEOUT = Duration.ofMinutes(2);

    /**
     * The adapters the copy is to have now: a loaded copy syncs its runtime to them on a thread of its own, unless a
     * sync is under way (the next round brings the rest); a loading one loads them before it serves.
     */
    void adapters(List<CopyAdapter> wanted) {
        wantedAdapters = wanted;
        RunningModel serving;
        synchronized (this) {
            if (phase != Phase.LOADED || model == null || (adapterSync != null && adapterSync.isAlive())) {
                return;
            }
            serving = model;
            adapterSync = Thread.ofVirtual().name("adapters-" + copy.copyId()).start(() -> syncAdapters(serving));
        }
    }

    private void syncAdapters(RunningModel serving) {
        try {
            adapters.sync(
                    serving.baseUrl(),
                    wantedAdapters,
                    services.table().get(copy.copyId()).orElse(null),
                    new AdapterReports(services, copy.copyId(), log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the copy uses now, while it serves and its runtime can tell. */
    Optional<Utilization.Sample> usage() {
        RunningModel serving;
        synchronized (this) {
            serving = phase == Phase.LOADED ? model : null;
        }
        return serving == null ? Optional.empty() : serving.usage().map(used -> new Utilization.Sample(copy, used));
    }

    /** Where the copy's start went, once it loaded. */
    synchronized Optional<ColdStart> coldStart() {
        return Optional.ofNullable(coldStart);
    }

    /** How far loading has come, while the copy loads and has said something. */
    synchronized Optional<String> progress() {
        return phase == Phase.LOADING && !progress.last().isEmpty() ? Optional.of(progress.last()) : Optional.empty();
    }

    synchronized Phase phase() {
        return phase;
    }

    synchronized void startLoading() {
        log.line("loading copy " + copy.copyId() + " of " + copy.inferenceComponentName() + " on devices "
                + copy.deviceIndices());
        loader = Thread.ofVirtual().name("load-" + copy.copyId()).start(this::load);
    }

    private void load() {
        LoadOutcome outcome;
        try {
            outcome = services.loader().load(copy, log, progress);
        } catch (InterruptedException e) {
            return;
        }
        if (outcome instanceof LoadOutcome.Loaded started && !wantedAdapters.isEmpty()) {
            try {
                adapters.sync(
                        started.model().baseUrl(),
                        wantedAdapters,
                        null,
                        new AdapterReports(services, copy.copyId(), log));
            } catch (InterruptedException e) {
                started.model().stop(Duration.ZERO);
                return;
            }
        }
        synchronized (this) {
            if (phase != Phase.LOADING) {
                if (outcome instanceof LoadOutcome.Loaded loaded) {
                    loaded.model().stop(Duration.ZERO);
                }
                return;
            }
            switch (outcome) {
                case LoadOutcome.Loaded loaded -> {
                    model = loaded.model();
                    coldStart = loaded.coldStart();
                    RoutableCopy routable =
                            new RoutableCopy(copy.copyId(), copy.inferenceComponentName(), model.baseUrl());
                    adapters.loaded().keySet().forEach(routable::adapterLoaded);
                    services.table().add(routable);
                    phase = Phase.LOADED;
                    loaded.model().onExit(this::diedAfterServing);
                }
                case LoadOutcome.Failed failed -> {
                    failure = failed.reason();
                    phase = Phase.FAILED;
                }
            }
        }
        report();
    }

    /**
     * The runtime ended by itself after it served (an exit, an OOM kill): the copy stops taking requests and is
     * reported failed, so placement replaces it as it replaces a lost copy.
     */
    private void diedAfterServing(String why) {
        synchronized (this) {
            if (phase != Phase.LOADED) {
                return;
            }
            phase = Phase.FAILED;
            failure = why + " It had served; a new copy replaces it.";
        }
        log.line("the runtime ended by itself: " + why);
        services.table().remove(copy.copyId());
        report();
    }

    /** Sends what the phase calls for: loaded, failed (with the log tail) or removed; nothing otherwise. */
    void report() {
        Phase now;
        String reason;
        boolean removal;
        synchronized (this) {
            now = phase;
            reason = failure;
            removal = reportRemoval;
        }
        HostConfig c = services.config();
        try {
            switch (now) {
                case LOADED -> services.fleet().copyLoaded(c.endpointName(), c.variantName(), copy.copyId());
                case FAILED ->
                    services.fleet()
                            .copyFailed(
                                    c.endpointName(),
                                    c.variantName(),
                                    copy.copyId(),
                                    String.valueOf(reason),
                                    log.tail());
                case STOPPED -> {
                    if (removal) {
                        services.fleet().copyRemoved(c.endpointName(), c.variantName(), copy.copyId());
                    }
                }
                case LOADING, STOPPING -> {}
            }
        } catch (RuntimeException e) {
            log.line("could not report " + now + " to the control plane (will retry): " + e);
        }
    }

    /**
     * Stops routing to the copy, waits for its in-flight requests (at most the drain timeout), stops the runtime
     * and, when {@code reportRemoved}, reports it removed. Returns the thread doing it; a second call returns the
     * first one's thread.
     */
    synchronized Thread stop(boolean reportRemoved) {
        if (stopper != null) {
            return stopper;
        }
        reportRemoval = reportRemoved;
        phase = Phase.STOPPING;
        stopper = Thread.ofVirtual().name("stop-" + copy.copyId()).start(this::drainAndStop);
        return stopper;
    }

    private void drainAndStop() {
        HostConfig c = services.config();
        Thread loading;
        synchronized (this) {
            loading = loader;
        }
        if (loading != null) {
            loading.interrupt();
            joinQuietly(loading);
        }
        services.table().get(copy.copyId()).ifPresent(routable -> drain(routable, c));
        services.table().remove(copy.copyId());
        RunningModel running;
        synchronized (this) {
            running = model;
        }
        if (running != null) {
            running.stop(c.scaled(c.stopGrace()));
        }
        log.line("copy " + copy.copyId() + " stopped");
        services.loader().release(copy.copyId());
        shipping.close();
        synchronized (this) {
            phase = Phase.STOPPED;
        }
        report();
    }

    private void drain(RoutableCopy routable, HostConfig c) {
        routable.startDraining();
        log.line("draining: " + routable.inFlight() + " request(s) in flight");
        try {
            if (!routable.awaitIdle(c.scaled(c.drainTimeout()))) {
                log.line("drain timeout passed with " + routable.inFlight() + " request(s) in flight; stopping");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the copy at once, as a lost instance would: no draining, no grace, no report. */
    void kill() {
        Thread loading;
        Thread stopping;
        RunningModel running;
        synchronized (this) {
            phase = Phase.STOPPED;
            reportRemoval = false;
            loading = loader;
            stopping = stopper;
            running = model;
        }
        if (loading != null) {
            loading.interrupt();
        }
        if (stopping != null) {
            stopping.interrupt();
        }
        services.table().remove(copy.copyId());
        if (running != null) {
            running.stop(Duration.ZERO);
        }
        shipping.close();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
