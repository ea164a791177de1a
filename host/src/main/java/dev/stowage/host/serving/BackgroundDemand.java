package dev.stowage.host.serving;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CapacityDemand} that does not block the router: each signal runs {@code next} on a virtual thread of its
 * own, one at a time per component (a signal while one runs is dropped: capacity is already being asked for). A
 * failure is logged; the router keeps waiting and a later request signals again.
 */
public final class BackgroundDemand implements CapacityDemand {
    private static final System.Logger LOG = System.getLogger(BackgroundDemand.class.getName());

    private final CapacityDemand next;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public BackgroundDemand(CapacityDemand next) {
        this.next = next;
    }

    @Override
    public void waiting(String endpointName, String variantName, String inferenceComponentName) {
        if (!running.add(inferenceComponentName)) {
            return;
        }
        Thread.ofVirtual().name("capacity-demand-" + inferenceComponentName).start(() -> {
            try {
                next.waiting(endpointName, variantName, inferenceComponentName);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "asking capacity for " + inferenceComponentName + " failed", e);
            } finally {
                running.remove(inferenceComponentName);
            }
        });
    }
}
