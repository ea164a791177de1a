package dev.stowage.local.wiring;

import dev.stowage.domain.scaling.ScalingReactor;
import dev.stowage.host.serving.CapacityDemand;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local mode's answer to a request waiting for capacity: the scaling reactor scales the component out from zero on a
 * virtual thread of its own (the router does not wait for it), one call at a time per component.
 */
final class ScaleOnDemand implements CapacityDemand {
    private static final System.Logger LOG = System.getLogger(ScaleOnDemand.class.getName());

    private final ScalingReactor scaling;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    ScaleOnDemand(ScalingReactor scaling) {
        this.scaling = scaling;
    }

    @Override
    public void waiting(String endpointName, String variantName, String inferenceComponentName) {
        if (!running.add(inferenceComponentName)) {
            return;
        }
        Thread.ofVirtual().name("scale-on-demand-" + inferenceComponentName).start(() -> {
            try {
                scaling.onWaitingRequest(inferenceComponentName);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "scaling " + inferenceComponentName + " from zero failed", e);
            } finally {
                running.remove(inferenceComponentName);
            }
        });
    }
}
