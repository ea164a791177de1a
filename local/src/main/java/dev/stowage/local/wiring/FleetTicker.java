package dev.stowage.local.wiring;

import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.fleet.InstanceReconciler;
import dev.stowage.domain.fleet.PlacementReactor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wakes every fleet periodically, for what no event announces: a cool-down running out, a host falling silent.
 * On AWS an EventBridge schedule does the same.
 */
final class FleetTicker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FleetTicker.class.getName());

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

    FleetTicker(PlacementReactor reactor, InstanceReconciler instances, Duration every) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        for (FleetKey fleet : reactor.allFleets()) {
                            reactor.reconcile(fleet);
                            instances.reconcile(fleet);
                        }
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "placement tick failed; the next tick retries", e);
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
